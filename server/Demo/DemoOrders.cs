using NetTopologySuite.Geometries;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Tasks;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// The demo's orders, in the inspection's numbers: 79 SHPOs on registered sex offenders (3
/// breached), 10 SCPOs on organised criminals, 11 CBOs restricting movements, associations and
/// phones, and a few domestic abuse and stalking protection orders. Exclusion zones are drawn
/// over real town centres and parks. Breaches come with their history and follow-up tasks.
/// </summary>
internal sealed class DemoOrders(DemoRandom random, DateOnly today, DateTimeOffset now, AreaIndex areas, DemoForce force)
{
    public const int Shpos = 79;
    public const int BreachedShpos = 3;
    public const int Scpos = 10;
    public const int Cbos = 11;
    public const int Dapos = 6;
    public const int Spos = 2;

    public void Build()
    {
        BuildShpos();
        BuildScpos();
        BuildCbos();
        BuildDomesticAbuseOrders();
    }

    private void BuildShpos()
    {
        // Every very high and high risk RSO has one; the rest go to medium risk RSOs.
        var rsos = force.Managements.Where(m => m.Register == Register.RegisteredSexOffender)
            .OrderByDescending(m => m.RiskLevel).ThenBy(m => m.Id).ToList();
        var holders = rsos.Take(36).Concat(random.Shuffle(rsos.Skip(36).Where(m => m.RiskLevel == RiskLevel.Medium).ToList()).Take(Shpos - 36)).ToList();
        for (var i = 0; i < holders.Count; i++)
        {
            var management = holders[i];
            var order = NewOrder(management.PersonId, OrderType.SexualHarmPreventionOrder, management.ResponsibleOfficerId!.Value, management.OwningTeamId,
                madeDaysAgo: random.Next(30, 1800), ends: random.Chance(0.7) ? null : 3650, court: random.Pick(Courts));
            AddCondition(order, new NonAssociationCondition
            {
                Wording = "Not to have any unsupervised contact with a child under 16, other than incidental contact in daily life.",
                Associates = [new NonAssociate(null, "any child under the age of 16")],
            });
            if (random.Chance(0.7))
                AddCondition(order, new DevicesCondition
                {
                    Wording = "Not to use any device capable of accessing the internet unless it has been registered with the police and is made available for inspection on request.",
                    MustRegisterDevices = true, MustAllowInspection = true, InspectionIntervalMonths = 3,
                });
            if (i < 40)
            {
                var park = DemoPlaces.Parks[i % DemoPlaces.Parks.Length];
                var schoolHours = random.Chance(0.4)
                    ? Enumerable.Range(1, 5).Select(d => new WeeklyWindow((DayOfWeek)d, new TimeOnly(8, 0), new TimeOnly(16, 0))).ToList()
                    : [];
                AddCondition(order, Circle(park.Name, park.Lat, park.Lon, park.RadiusMetres, schoolHours));
            }
            if (random.Chance(0.3))
                AddCondition(order, new TravelCondition { Wording = "To notify the police at least 7 days before any travel outside the United Kingdom.", NoticeDays = 7 });
            order.VictimDetails = "Protected child(ren): details held by the public protection unit.";
            if (i < BreachedShpos) Breach(order, i);
        }
    }

    private void BuildScpos()
    {
        var soc = force.Managements.Where(m => m.Scheme == Scheme.SocLifetime).OrderBy(m => m.Id).Take(Scpos).ToList();
        foreach (var management in soc)
        {
            var order = NewOrder(management.PersonId, OrderType.SeriousCrimePreventionOrder, management.ResponsibleOfficerId!.Value, management.OwningTeamId,
                madeDaysAgo: random.Next(60, 1400), ends: 5 * 365 - 10, court: random.Pick(["Luton Crown Court", "St Albans Crown Court", "Cambridge Crown Court"]));
            AddCondition(order, new FinancialReportingCondition
            {
                Wording = "To provide, on the first day of each month, statements for every bank account and a record of any cash transaction over £1,000.",
                WhatToReport = "bank statements and cash transactions over £1,000", IntervalMonths = 1,
            });
            AddCondition(order, new DevicesCondition
            {
                Wording = "Not to possess more than one mobile telephone, which must be registered with the police and made available for inspection.",
                MaxPhones = 1, MustRegisterDevices = true, MustAllowInspection = true, InspectionIntervalMonths = 3,
            });
            var associates = force.Managements
                .Where(m => m.Scheme == Scheme.SocLifetime && m.OcgReference == management.OcgReference && m.PersonId != management.PersonId)
                .Select(m => new NonAssociate(m.PersonId, "")).Take(3).ToList();
            if (associates.Count > 0)
                AddCondition(order, new NonAssociationCondition { Wording = $"Not to associate with the named members of {management.OcgReference}.", Associates = associates });
            AddCondition(order, new TravelCondition
            {
                Wording = "To surrender any passport and not to apply for another; to notify any travel outside the UK 14 days in advance.",
                NoticeDays = 14, PassportSurrendered = random.Chance(0.5),
            });
            if (random.Chance(0.4)) AddCondition(order, TownCentre(DemoPlaces.TownCentres[5], []));
        }
        Breach(force.Orders[^1], 10);
    }

    private void BuildCbos()
    {
        var cohort = force.Managements.Where(m => m.Scheme == Scheme.Iom && !m.IomCategories.HasFlag(IomCategories.DomesticAbuse) &&
                                                  !m.IomCategories.HasFlag(IomCategories.OcgMember)).OrderBy(m => m.Id).ToList();
        var people = force.People.ToDictionary(p => p.Id);
        // The first CBO bars someone who lives away from Luton from Luton town centre: the
        // briefing's "excluded from this area" and the sighting-check example.
        var first = cohort.First(m => people[m.PersonId].Address?.AreaCode is { } code && areas.Find(code)?.DistrictCode != "E06000032" &&
                                      people[m.PersonId].CustodyStatus == CustodyStatus.InCommunity);
        var chosen = new[] { first }.Concat(random.Shuffle(cohort.Where(m => m != first).ToList()).Take(Cbos - 1)).ToList();
        for (var i = 0; i < chosen.Count; i++)
        {
            var management = chosen[i];
            var order = NewOrder(management.PersonId, OrderType.CriminalBehaviourOrder, management.ResponsibleOfficerId!.Value, management.OwningTeamId,
                madeDaysAgo: random.Next(30, 900), ends: random.Next(2 * 365, 4 * 365), court: random.Pick(Courts));
            AddCondition(order, TownCentre(DemoPlaces.TownCentres[i == 0 ? 0 : i % 5], []));
            var peers = chosen.Where(m => m != management).Select(m => new NonAssociate(m.PersonId, "")).Take(2).ToList();
            AddCondition(order, new NonAssociationCondition { Wording = "Not to associate with the named persons in any public place.", Associates = peers });
            AddCondition(order, new DevicesCondition { Wording = "Not to possess any mobile telephone that is not registered with the police.", MustRegisterDevices = true });
            if (random.Chance(0.5))
            {
                var nightly = Enumerable.Range(0, 7).Select(d => new WeeklyWindow((DayOfWeek)d, new TimeOnly(21, 0), new TimeOnly(6, 0))).ToList();
                var home = people[management.PersonId].Address!;
                AddCondition(order, new CurfewCondition
                {
                    Wording = "To remain at the home address between 21:00 and 06:00 every night.",
                    Windows = nightly, AddressText = $"{home.Line1}, {home.Town}", Latitude = home.Latitude, Longitude = home.Longitude,
                });
            }
            if (i is 1 or 2) Breach(order, 20 + i);
        }
    }

    private void BuildDomesticAbuseOrders()
    {
        var abusers = force.Managements.Where(m => m.Scheme == Scheme.Iom && m.IomCategories.HasFlag(IomCategories.DomesticAbuse))
            .OrderBy(m => m.Id).Take(Dapos + Spos).ToList();
        for (var i = 0; i < abusers.Count; i++)
        {
            var management = abusers[i];
            var type = i < Dapos ? OrderType.DomesticAbuseProtectionOrder : OrderType.StalkingProtectionOrder;
            var order = NewOrder(management.PersonId, type, management.ResponsibleOfficerId!.Value, management.OwningTeamId,
                madeDaysAgo: random.Next(14, 600), ends: type == OrderType.StalkingProtectionOrder ? 2 * 365 + 30 : 365, court: random.Pick(Courts));
            // Around the protected person's home, somewhere in the county.
            var area = random.Pick(areas.Areas.Where(a => a.DistrictCode != "E06000056").ToList());
            var (lat, lon) = random.PointIn(area);
            AddCondition(order, Circle("the protected person's home", Math.Round(lat, 5), Math.Round(lon, 5), 300, []));
            AddCondition(order, new NonAssociationCondition
            {
                Wording = "Not to contact the protected person directly or indirectly, including through social media.",
                Associates = [new NonAssociate(null, "the protected person")],
            });
            order.VictimDetails = "Protected person: former partner. Address and contact details held by the domestic abuse unit.";
        }
    }

    private Order NewOrder(Guid person, OrderType type, Guid lead, Guid team, int madeDaysAgo, int? ends, string court)
    {
        var made = today.AddDays(-madeDaysAgo);
        var served = made.AddDays(random.Next(0, 6));
        if (served > today) served = today;
        var order = new Order
        {
            Id = random.NextId(),
            PersonId = person,
            Type = type,
            Status = OrderStatus.Active,
            Court = court,
            CaseReference = $"{(type == OrderType.SeriousCrimePreventionOrder ? "T" : "BD")}{made.Year}{random.Next(1000, 9999)}",
            MadeOn = made,
            StartsOn = made,
            EndsOn = ends is { } days ? made.AddDays(days) : null,
            ServedAt = new DateTimeOffset(served.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero),
            ServedByOfficerId = lead,
            ServedWhere = random.Pick(["Luton police station", "Bedford police station", "at court", "home address"]),
            LeadOfficerId = lead,
            OwningTeamId = team,
            CreatedAt = now,
        };
        order.Assignments.Add(new OrderAssignment { OfficerId = lead, TeamId = team, From = order.ServedAt.Value, Reason = AssignmentReason.InitialAllocation, AssignedBy = "demo" });
        // Orders whose end date has passed would have expired: keep the demo's orders live.
        if (order.EndsOn < today) order.EndsOn = today.AddDays(random.Next(30, 400));
        force.Orders.Add(order);
        return order;
    }

    private void AddCondition(Order order, Condition condition)
    {
        condition.Id = random.NextId();
        condition.OrderId = order.Id;
        condition.AddedOn = order.MadeOn;
        if (condition.Wording.Length == 0) condition.Wording = ConditionMessages.DefaultWording(condition);
        if (condition is ExclusionZoneCondition zone)
        {
            var outline = ZoneGeometry.Of(zone).Outline;
            var box = outline.EnvelopeInternal;
            (zone.MinLatitude, zone.MaxLatitude, zone.MinLongitude, zone.MaxLongitude) = (box.MinY, box.MaxY, box.MinX, box.MaxX);
            zone.Areas = areas.Touching(outline).Select(code => new ExclusionZoneArea { ConditionId = zone.Id, AreaCode = code }).ToList();
        }
        order.Conditions.Add(condition);
    }

    private static ExclusionZoneCondition Circle(string name, double lat, double lon, double radius, List<WeeklyWindow> windows) => new()
    {
        ZoneName = name, Shape = ZoneShape.Circle, CentreLatitude = lat, CentreLongitude = lon, RadiusMetres = radius, Windows = windows,
        Wording = $"Not to enter {name} (within {radius:0} metres of its centre){(windows.Count > 0 ? " on weekdays between 08:00 and 16:00" : "")}.",
    };

    private static ExclusionZoneCondition TownCentre(DemoPlaces.TownCentre place, List<WeeklyWindow> windows) => new()
    {
        ZoneName = place.Name, Shape = ZoneShape.Polygon, Windows = windows,
        PolygonWkb = Geo.ToWkb(Geo.Factory.CreatePolygon(place.Outline.Select(p => new Coordinate(p.Lon, p.Lat)).ToArray())),
        Wording = $"Not to enter {place.Name}, as shown on the map attached to the order.",
    };

    /// <summary>A breach of the order's first condition a few weeks ago, at a stage of the process that varies.</summary>
    private void Breach(Order order, int which)
    {
        var condition = order.Conditions[0];
        var occurred = now.AddDays(-random.Next(3, 40)).AddHours(-random.Next(0, 12));
        var status = (which % 3) switch { 0 => BreachStatus.ActionTaken, 1 => BreachStatus.Confirmed, _ => BreachStatus.Suspected };
        var breach = new Breach
        {
            Id = random.NextId(), PersonId = order.PersonId, OrderId = order.Id, ConditionId = condition.Id,
            OccurredAt = occurred, Source = status == BreachStatus.Suspected ? BreachSource.Sighting : BreachSource.Report,
            Location = condition is ExclusionZoneCondition z ? z.ZoneName : "", RecordedBy = "demo", RecordedAt = occurred.AddHours(2),
            Details = "Reported by a member of the public; officer attended.",
        };
        breach.History.Add(new BreachStatusChange { At = breach.RecordedAt, ToStatus = BreachStatus.Suspected, ChangedBy = "demo", Note = "reported" });
        if (status != BreachStatus.Suspected) breach.MoveTo(BreachStatus.Confirmed, null, "demo", "evidence reviewed", breach.RecordedAt.AddDays(1));
        if (status == BreachStatus.ActionTaken) breach.MoveTo(BreachStatus.ActionTaken, BreachAction.Charge, "demo", "charged with breach of the order", breach.RecordedAt.AddDays(2));
        force.Breaches.Add(breach);
        if (breach.IsOpen)
        {
            force.Tasks.Add(new WorkTask
            {
                Id = random.NextId(), Kind = TaskKind.SuspectedBreach, Title = $"Suspected breach of {OrderTypeRules.For(order.Type).ShortName}: {condition.Wording}",
                Detail = "Confirm or rule out, and record any action.", PersonId = order.PersonId, OrderId = order.Id, BreachId = breach.Id,
                AssignedOfficerId = order.LeadOfficerId, DueOn = today.AddDays(-random.Next(0, 5)), CreatedAt = breach.RecordedAt, SourceKey = $"breach:{breach.Id}",
            });
        }
    }

    private static readonly string[] Courts = ["Luton Magistrates' Court", "Bedford Magistrates' Court", "Luton Crown Court"];
}
