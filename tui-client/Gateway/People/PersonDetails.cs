namespace OffenderMgmt.Tui.Gateway;

/// <summary>A person's record as the server disclosed it to this user (restricted fields are empty when withheld).</summary>
public sealed record PersonDetails(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    DateOnly? DateOfBirth,
    string Sex,
    string? Description,
    string? PncId,
    PostalAddress? Address,
    bool InCustody,
    DateOnly? ExpectedRelease,
    IReadOnlyList<string> WarningMarkers,
    string? HealthNotes,
    long Version)
{
    public int? AgeOn(DateOnly today)
    {
        if (DateOfBirth is not { } born) return null;
        var age = today.Year - born.Year;
        return born.AddYears(age) > today ? age - 1 : age;
    }
}

/// <summary>An address, with the beat the server found it in.</summary>
public sealed record PostalAddress(string Line1, string? Line2, string? Town, string? Postcode, GeoPosition? Location, string? AreaCode, string? AreaName)
{
    /// <summary>One line: "12 High Street, Luton LU1 2AB".</summary>
    public override string ToString()
    {
        var town = string.Join(" ", new[] { Town, Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return string.Join(", ", new[] { Line1, Line2, town }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}

/// <summary>A search result: enough to tell people apart, nothing more.</summary>
public sealed record PersonMatch(string Id, string Name, IReadOnlyList<string> Aliases, DateOnly? DateOfBirth, string? PncId, string? AreaName, bool InCustody);

/// <summary>
/// A page of search results, best matches first (the server ranks exact names, then aliases, then
/// partial matches), with how many match in all (<paramref name="CountCapped"/>: more than that).
/// </summary>
public sealed record PeopleFound(IReadOnlyList<PersonMatch> People, string? NextPageToken, int Count, bool CountCapped);
