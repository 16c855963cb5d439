using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.People;

/// <summary>
/// The editable details of a person, validated: what a create or an update may write.
/// Field paths in violations follow the request ("person.name.family_name").
/// </summary>
public sealed record PersonDetails(
    string GivenName,
    string FamilyName,
    IReadOnlyList<PersonAlias> Aliases,
    DateOnly? DateOfBirth,
    Sex Sex,
    string Description,
    string? PncId,
    AddressDetails? Address,
    CustodyStatus CustodyStatus,
    DateOnly? ExpectedReleaseDate,
    WarningMarkers WarningMarkers,
    string HealthNotes);

public sealed record AddressDetails(
    string Line1, string Line2, string Town, string Postcode, double Latitude, double Longitude);

public static class PersonRules
{
    public const int MaxNameLength = 100;
    public const int MaxAliases = RequestLimits.Aliases;
    public const int MaxDescriptionLength = 2000;
    public const int MaxNotesLength = 20_000;

    /// <summary>Checks a person's details as they would be stored, reporting every bad field.</summary>
    public static void Validate(PersonDetails details, DateOnly today, string prefix = "person")
    {
        var v = new Validator();
        v.Optional($"{prefix}.name.given_name", details.GivenName, MaxNameLength);
        v.Required($"{prefix}.name.family_name", details.FamilyName, MaxNameLength);
        if (details.Aliases.Count > MaxAliases)
            v.Add($"{prefix}.aliases", $"must have at most {MaxAliases} entries (got {details.Aliases.Count})");
        for (var i = 0; i < details.Aliases.Count && i < MaxAliases; i++)
        {
            v.Optional($"{prefix}.aliases[{i}].given_name", details.Aliases[i].GivenName, MaxNameLength);
            v.Required($"{prefix}.aliases[{i}].family_name", details.Aliases[i].FamilyName, MaxNameLength);
        }
        if (details.DateOfBirth is { } dob)
        {
            if (dob > today) v.Add($"{prefix}.date_of_birth", "must not be in the future");
            else if (dob < new DateOnly(1900, 1, 1)) v.Add($"{prefix}.date_of_birth", "must be on or after 1900-01-01");
        }
        v.Enum($"{prefix}.sex", details.Sex, required: false);
        v.Optional($"{prefix}.description", details.Description, MaxDescriptionLength);
        v.Optional($"{prefix}.health_notes", details.HealthNotes, MaxNotesLength);
        if (details.PncId is { Length: > 0 } pnc && !PncId.TryNormalise(pnc, out _, out var problem))
            v.Add($"{prefix}.pnc_id", problem);
        if (details.Address is { } address) ValidateAddress(v, address, $"{prefix}.address");
        v.Enum($"{prefix}.custody_status", details.CustodyStatus, required: false);
        if (details.CustodyStatus == CustodyStatus.InCommunity && details.ExpectedReleaseDate is not null)
            v.Add($"{prefix}.expected_release_date", "is only for someone in custody");
        if ((details.WarningMarkers & ~AllMarkers) != 0)
            v.Add($"{prefix}.warning_markers", "has an unknown marker");
        v.ThrowIfInvalid();
    }

    private const WarningMarkers AllMarkers =
        WarningMarkers.Violent | WarningMarkers.Weapons | WarningMarkers.SelfHarm | WarningMarkers.Drugs |
        WarningMarkers.MentalHealth | WarningMarkers.Escaper | WarningMarkers.Contagious | WarningMarkers.Firearms;

    private static void ValidateAddress(Validator v, AddressDetails address, string prefix)
    {
        v.Required($"{prefix}.line1", address.Line1, 200);
        v.Optional($"{prefix}.line2", address.Line2, 200);
        v.Optional($"{prefix}.town", address.Town, 100);
        var postcode = v.Required($"{prefix}.postcode", address.Postcode, 10);
        if (postcode.Length > 0 && !UkPostcode.TryNormalise(postcode, out _))
            v.Add($"{prefix}.postcode", $"is not a UK postcode (got '{Validator.Truncate(postcode)}')");
        v.Coordinates($"{prefix}.location", address.Latitude, address.Longitude);
    }

    /// <summary>Applies validated details to a person, normalising the PNC ID and postcode.</summary>
    public static void Apply(Person person, PersonDetails details)
    {
        person.GivenName = details.GivenName.Trim();
        person.FamilyName = details.FamilyName.Trim();
        person.Aliases = details.Aliases
            .Select(a => new PersonAlias { GivenName = a.GivenName.Trim(), FamilyName = a.FamilyName.Trim() })
            .ToList();
        person.DateOfBirth = details.DateOfBirth;
        person.Sex = details.Sex;
        person.Description = details.Description.Trim();
        person.PncId = details.PncId is { Length: > 0 } pnc && PncId.TryNormalise(pnc, out var canonical, out _)
            ? canonical
            : null;
        person.CustodyStatus = details.CustodyStatus;
        person.ExpectedReleaseDate = details.ExpectedReleaseDate;
        person.WarningMarkers = details.WarningMarkers;
        person.HealthNotes = details.HealthNotes.Trim();
        person.RebuildNameKeys();
    }
}
