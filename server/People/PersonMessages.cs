using Google.Protobuf.WellKnownTypes;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.People;

/// <summary>Maps people between the wire (offendermgmt.v1) and the domain.</summary>
public static class PersonMessages
{
    private static readonly IReadOnlyDictionary<string, Func<PersonDetails, PersonDetails, PersonDetails>> MaskPaths =
        new Dictionary<string, Func<PersonDetails, PersonDetails, PersonDetails>>
        {
            ["name"] = (c, n) => c with { GivenName = n.GivenName, FamilyName = n.FamilyName },
            ["name.given_name"] = (c, n) => c with { GivenName = n.GivenName },
            ["name.family_name"] = (c, n) => c with { FamilyName = n.FamilyName },
            ["aliases"] = (c, n) => c with { Aliases = n.Aliases },
            ["date_of_birth"] = (c, n) => c with { DateOfBirth = n.DateOfBirth },
            ["sex"] = (c, n) => c with { Sex = n.Sex },
            ["description"] = (c, n) => c with { Description = n.Description },
            ["pnc_id"] = (c, n) => c with { PncId = n.PncId },
            ["address"] = (c, n) => c with { Address = n.Address },
            ["custody_status"] = (c, n) => c with { CustodyStatus = n.CustodyStatus },
            ["expected_release_date"] = (c, n) => c with { ExpectedReleaseDate = n.ExpectedReleaseDate },
            ["warning_markers"] = (c, n) => c with { WarningMarkers = n.WarningMarkers },
            ["health_notes"] = (c, n) => c with { HealthNotes = n.HealthNotes },
        };

    /// <summary>Reads a PersonInput, reporting malformed dates and enum values by field.</summary>
    public static PersonDetails ToDetails(V1.PersonInput? input, ForceClock clock, string prefix = "person")
    {
        if (input is null) throw new ValidationException(prefix, "is required");
        var v = new Validator();
        var dob = v.Date($"{prefix}.date_of_birth", input.DateOfBirth, TimeBounds.Life, clock);
        var release = v.Date($"{prefix}.expected_release_date", input.ExpectedReleaseDate, TimeBounds.Planned, clock);
        var sex = PersonEnums.Sexes.Required(v, $"{prefix}.sex", input.Sex);
        var custody = input.CustodyStatus == V1.CustodyStatus.Unspecified
            ? CustodyStatus.InCommunity
            : PersonEnums.Custody.Required(v, $"{prefix}.custody_status", input.CustodyStatus);
        var markers = WarningMarkers.None;
        var markerCount = v.Count($"{prefix}.warning_markers", input.WarningMarkers.Count, RequestLimits.WarningMarkers) ? input.WarningMarkers.Count : 0;
        for (var i = 0; i < markerCount; i++)
        {
            var marker = input.WarningMarkers[i];
            if (marker == V1.WarningMarker.Unspecified || !System.Enum.IsDefined(marker))
                v.Add($"{prefix}.warning_markers[{i}]", $"is not a known warning marker ({(int)marker})");
            else markers |= (WarningMarkers)(1 << ((int)marker - 1));
        }
        AddressDetails? address = null;
        if (input.Address is { } a)
        {
            if (a.Location is null) v.Add($"{prefix}.address.location", "is required: the geocoded point of the address");
            address = new AddressDetails(a.Line1, a.Line2, a.Town, a.Postcode, a.Location?.Latitude ?? 0, a.Location?.Longitude ?? 0);
        }
        v.ThrowIfInvalid();
        return new PersonDetails(
            input.Name?.GivenName ?? "", input.Name?.FamilyName ?? "",
            input.Aliases.Select(n => new PersonAlias { GivenName = n.GivenName, FamilyName = n.FamilyName }).ToList(),
            dob, sex, input.Description, string.IsNullOrWhiteSpace(input.PncId) ? null : input.PncId,
            address, custody, release, markers, input.HealthNotes);
    }

    /// <summary>The current details with the masked fields taken from the request.</summary>
    public static PersonDetails ApplyMask(PersonDetails current, PersonDetails requested, FieldMask? mask)
    {
        if (mask is null || mask.Paths.Count == 0) return requested;
        var unknown = mask.Paths.Where(p => !MaskPaths.ContainsKey(p)).ToList();
        if (unknown.Count > 0)
            throw new ValidationException("update_mask",
                $"has unknown path(s) {string.Join(", ", unknown.Select(u => $"'{Validator.Truncate(u)}'"))}; known paths: {string.Join(", ", MaskPaths.Keys)}");
        return mask.Paths.Aggregate(current, (details, path) => MaskPaths[path](details, requested));
    }

    /// <summary>The person as the caller may see them: restricted fields only when the level allows.</summary>
    public static V1.Person ToMessage(Person person, AreaIndex areas, DisclosureLevel level)
    {
        var message = new V1.Person
        {
            Id = person.Id.ToString(),
            Name = new V1.PersonName { GivenName = person.GivenName, FamilyName = person.FamilyName },
            DateOfBirth = IsoDate.Format(person.DateOfBirth),
            Sex = PersonEnums.Sexes.ToProto(person.Sex),
            Description = person.Description,
            PncId = person.PncId ?? "",
            CustodyStatus = PersonEnums.Custody.ToProto(person.CustodyStatus),
            ExpectedReleaseDate = IsoDate.Format(person.ExpectedReleaseDate),
            Version = person.Version,
        };
        if (level.Allows(RestrictedField.HealthNotes)) message.HealthNotes = person.HealthNotes;
        message.Aliases.AddRange(person.Aliases.Select(a => new V1.PersonName { GivenName = a.GivenName, FamilyName = a.FamilyName }));
        message.WarningMarkers.AddRange(Markers(person.WarningMarkers));
        if (person.Address is { } address) message.Address = ToMessage(address, areas);
        return message;
    }

    public static V1.PersonSummary ToSummary(Person person, AreaIndex areas)
    {
        var summary = new V1.PersonSummary
        {
            Id = person.Id.ToString(),
            Name = new V1.PersonName { GivenName = person.GivenName, FamilyName = person.FamilyName },
            DateOfBirth = IsoDate.Format(person.DateOfBirth),
            PncId = person.PncId ?? "",
            CustodyStatus = PersonEnums.Custody.ToProto(person.CustodyStatus),
        };
        summary.Aliases.AddRange(person.Aliases.Select(a => new V1.PersonName { GivenName = a.GivenName, FamilyName = a.FamilyName }));
        if (person.Address?.AreaCode is { } code)
        {
            summary.AreaCode = code;
            summary.AreaName = areas.Find(code)?.Name ?? "";
        }
        return summary;
    }

    public static V1.Address ToMessage(Address address, AreaIndex areas) => new()
    {
        Line1 = address.Line1,
        Line2 = address.Line2,
        Town = address.Town,
        Postcode = address.Postcode,
        Location = new V1.GeoPoint { Latitude = address.Latitude, Longitude = address.Longitude },
        AreaCode = address.AreaCode ?? "",
        AreaName = address.AreaCode is { } code ? areas.Find(code)?.Name ?? "" : "",
    };

    private static IEnumerable<V1.WarningMarker> Markers(WarningMarkers markers)
    {
        for (var bit = 0; bit < 31; bit++)
        {
            if (((int)markers & (1 << bit)) != 0) yield return (V1.WarningMarker)(bit + 1);
        }
    }
}
