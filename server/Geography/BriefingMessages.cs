using Google.Protobuf.WellKnownTypes;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Geography;

/// <summary>Writes briefings, zones and sighting verdicts for the wire: briefing-level fields only.</summary>
public static class BriefingMessages
{
    public static V1.Briefing Briefing(Briefing briefing, AreaIndex areas, bool includeBoundary, DateOnly today)
    {
        var message = new V1.Briefing
        {
            Area = AreasService.ToMessage(new AreaListing(briefing.Area, briefing.Residents.Count), includeBoundary),
            GeneratedAt = Timestamp.FromDateTimeOffset(briefing.GeneratedAt),
        };
        message.Residents.AddRange(briefing.Residents.Select(p => Kept(p, areas, today)));
        message.Excluded.AddRange(briefing.Excluded.Select(p => Kept(p, areas, today)));
        message.Zones.AddRange(briefing.Zones.Select(z => Zone(z.Zone, z.PersonName, z.InForceNow, z.PersonLivesHere)));
        return message;
    }

    private sealed record KeptPerson(AreaIndex Areas, DateOnly Today, V1.BriefingPerson Message);

    /// <summary>
    /// Each briefed person's message, made once per <see cref="BriefedPerson"/> (which
    /// <see cref="BriefingWards"/> keeps, per beat, until anything it was made from changes) and
    /// the area index and date it was written with. Shared by every briefing that lists the
    /// person: put in a briefing's repeated fields as it is, it is only ever read (serialised by
    /// gRPC); nothing downstream changes a response. An entry goes with its person object.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<BriefedPerson, KeptPerson> KeptPeople = new();

    private static V1.BriefingPerson Kept(BriefedPerson p, AreaIndex areas, DateOnly today)
    {
        if (KeptPeople.TryGetValue(p, out var kept) && ReferenceEquals(kept.Areas, areas) && kept.Today == today) return kept.Message;
        var message = Person(p, areas, today);
        KeptPeople.AddOrUpdate(p, new KeptPerson(areas, today, message));
        return message;
    }

    /// <summary>A person's briefing message, made afresh (the caller's to change).</summary>
    public static V1.BriefingPerson Person(BriefedPerson p, AreaIndex areas, DateOnly today)
    {
        var person = p.Person;
        var message = new V1.BriefingPerson
        {
            PersonId = person.Id.ToString(),
            Name = new V1.PersonName { GivenName = person.GivenName, FamilyName = person.FamilyName },
            DateOfBirth = IsoDate.Format(person.DateOfBirth),
            Description = person.Description,
            RiskLevel = RiskLevels.Table.ToProto(p.Risk),
            WhatToDo = p.WhatToDo,
            CustodyStatus = PersonEnums.Custody.ToProto(person.CustodyStatus),
            ExpectedReleaseDate = IsoDate.Format(person.ExpectedReleaseDate),
            LivesHere = p.LivesHere,
            DistanceMetres = p.DistanceMetres is { } d ? Math.Round(d, 1) : 0,
            PhotoId = p.PhotoId?.ToString() ?? "",
        };
        message.Aliases.AddRange(person.Aliases.Select(a => new V1.PersonName { GivenName = a.GivenName, FamilyName = a.FamilyName }));
        message.WarningMarkers.AddRange(PersonMessages.ToMessage(person, areas, Security.DisclosureLevel.Briefing).WarningMarkers);
        if (person.Address is { } address) message.Address = PersonMessages.ToMessage(address, areas);
        message.Schemes.AddRange(p.Schemes);
        message.Orders.AddRange(p.Orders.Select(o =>
        {
            var order = new V1.BriefingOrder
            {
                OrderId = o.Id.ToString(), Type = OrderEnums.Types.ToProto(o.Type), Status = OrderEnums.Statuses.ToProto(o.Status),
                Enforceable = o.ServedAt is not null && o.IsEnforceableOn(today), EndsOn = IsoDate.Format(o.EndsOn),
            };
            order.Conditions.AddRange(o.Conditions.Where(c => c.IsInForce).Select(c =>
                ConditionMessages.ToMessage(c, _ => null, c is ExclusionZoneCondition z ? z.Areas.Select(a => a.AreaCode).Order(StringComparer.Ordinal).ToList() : [])));
            return order;
        }));
        message.Identification.AddRange(p.Identifiers.Select(Identification.IdentifierMessages.ToMessage));
        if (p.Contact is { } officer)
            message.ResponsibleOfficer = new V1.OfficerContact
            {
                OfficerId = officer.Id.ToString(), Name = officer.DisplayName, CollarNumber = officer.CollarNumber, Phone = officer.Phone, Email = officer.Email,
                TeamName = p.ContactTeam?.Name ?? "", TeamPhone = p.ContactTeam?.Phone ?? "",
            };
        else if (p.ContactTeam is { } team)
            message.ResponsibleOfficer = new V1.OfficerContact { Name = "(team queue)", TeamName = team.Name, TeamPhone = team.Phone };
        return message;
    }

    /// <summary>
    /// Each zone's shape and times, made once per <see cref="ZoneEntry"/> (the zone index is
    /// replaced whole when any zone changes) and shared, read-only, by every answer that lists it.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ZoneEntry, V1.ExclusionZone> KeptZones = new();

    public static V1.BriefingZone Zone(ZoneEntry zone, string personName, bool inForceNow, bool livesHere) => new()
    {
        ConditionId = zone.ConditionId.ToString(),
        OrderId = zone.OrderId.ToString(),
        PersonId = zone.PersonId.ToString(),
        PersonName = personName,
        OrderType = OrderEnums.Types.ToProto(zone.OrderType),
        Zone = KeptZones.GetValue(zone, z => ConditionMessages.ToMessage(z.Condition, _ => null, z.Condition.Areas.Select(a => a.AreaCode).Order(StringComparer.Ordinal).ToList()).ExclusionZone),
        InForceNow = inForceNow,
        PersonLivesHere = livesHere,
    };

    public static V1.SightingVerdict Verdict(SightingCheck check)
    {
        var message = new V1.SightingVerdict
        {
            Verdict = VerdictEnums.Verdicts.ToProto(check.Verdict),
            Summary = check.Summary,
            PersonName = check.Person.DisplayName,
            AreaCode = check.Area?.Code ?? "",
            AreaName = check.Area?.Name ?? "",
        };
        message.Findings.AddRange(check.Findings.Select(f => new V1.ConditionFinding
        {
            OrderId = f.Order.Id.ToString(), OrderType = OrderEnums.Types.ToProto(f.Order.Type), ConditionId = f.Condition.Id.ToString(),
            ConditionWording = f.Condition.Wording, Verdict = VerdictEnums.Verdicts.ToProto(f.Verdict), Reason = f.Reason,
        }));
        return message;
    }
}
