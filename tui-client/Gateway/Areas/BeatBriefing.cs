namespace OffenderMgmt.Tui.Gateway;

/// <summary>What a local officer needs to know about a beat: who lives there, who is kept out of it, and where.</summary>
public sealed record BeatBriefing(
    AreaRow Area,
    BeatOutline? Outline,
    IReadOnlyList<BriefingPerson> Residents,
    IReadOnlyList<BriefingPerson> Excluded,
    IReadOnlyList<BriefingZone> Zones,
    DateTimeOffset? GeneratedAt);

/// <summary>
/// A person as a local officer needs to know them: identity, description, warnings, orders and
/// who to call. Never risk assessments, intelligence, health or victims' details (the server
/// does not send them to this purpose, and there is nowhere here to put them).
/// </summary>
public sealed record BriefingPerson(
    string PersonId,
    string Name,
    IReadOnlyList<string> Aliases,
    DateOnly? DateOfBirth,
    string? Description,
    IReadOnlyList<string> WarningMarkers,
    PostalAddress? Address,
    Risk Risk,
    IReadOnlyList<string> Schemes,
    IReadOnlyList<OrderView> Orders,
    OfficerContact? ResponsibleOfficer,
    string? WhatToDo,
    bool InCustody,
    DateOnly? ExpectedRelease,
    bool LivesHere,
    double? DistanceMetres,
    IReadOnlyList<Identifying>? Identification = null)
{
    /// <summary>The person's current photo (fetch it with PeopleGateway.PhotoAsync), if they have one.</summary>
    public string? PhotoId { get; init; }
    /// <summary>Issue 18: marks and vehicles, one line each ("Tattoo, left forearm: rose", "KX61 ABC silver Ford Focus (owner)").</summary>
    public IReadOnlyList<Identifying> MarksAndVehicles => Identification ?? [];

    public int? AgeOn(DateOnly today)
    {
        if (DateOfBirth is not { } born) return null;
        var age = today.Year - born.Year;
        return born.AddYears(age) > today ? age - 1 : age;
    }
}

/// <summary>Who to call about a person.</summary>
public sealed record OfficerContact(string Name, string? CollarNumber, string? Phone, string? Email, string? TeamName, string? TeamPhone)
{
    public override string ToString()
    {
        var who = CollarNumber is null ? Name : $"{Name} ({CollarNumber})";
        var reach = string.Join(", ", new[] { Phone, Email }.Where(p => p is not null));
        var team = TeamName is null ? "" : $"; {TeamName}{(TeamPhone is null ? "" : $" {TeamPhone}")}";
        return $"{who}{(reach.Length > 0 ? $", {reach}" : "")}{team}";
    }
}

/// <summary>An exclusion zone touching the beat, whose it is, and whether it applies right now.</summary>
public sealed record BriefingZone(
    string ConditionId,
    string OrderId,
    string PersonId,
    string PersonName,
    string OrderType,
    ZoneShape Shape,
    bool InForceNow,
    bool PersonLivesHere);

/// <summary>Issue 18: one identifying feature as the server words it: a mark, a vehicle, a device or an online identity.</summary>
public sealed record Identifying(IdentifyingKind Kind, string Text, string Id = "", long Version = 0);

public enum IdentifyingKind { Mark, Vehicle, Device, Online }
