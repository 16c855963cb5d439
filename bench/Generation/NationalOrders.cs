using NetTopologySuite.Geometries;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Geography;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Demo;

namespace OffenderMgmt.Bench.Generation;

/// <summary>
/// Served, live orders on the managed people, each with the typed conditions its kind
/// usually carries (SHPOs bar contact with children, CBOs name peers and set curfews, SCPOs
/// demand financial reports...), and exclusion zones: circles round protected people's homes,
/// parks and schools (some only in school hours), polygons over town centres (some only on
/// weekend nights). Each zone is filed under the wards it touches exactly as OrderBook does
/// (AreaIndex.Touching of ZoneGeometry.Of(zone).Outline), so briefings find it by ward.
/// </summary>
public sealed class NationalOrders(DemoRandom random, DateOnly today, DateTimeOffset now, AreaIndex areas, NationalData data)
{
    /// <summary>Share of the orders by type (adds up to 1).</summary>
    private static readonly (OrderType Type, double Share)[] OrderMix =
    [
        (OrderType.SexualHarmPreventionOrder, 0.35), (OrderType.SexualRiskOrder, 0.025), (OrderType.CriminalBehaviourOrder, 0.25),
        (OrderType.DomesticAbuseProtectionOrder, 0.15), (OrderType.DomesticViolenceProtectionOrder, 0.025), (OrderType.StalkingProtectionOrder, 0.075),
        (OrderType.SeriousCrimePreventionOrder, 0.05), (OrderType.Injunction, 0.075),
    ];

    private enum ZoneKind { ProtectedHome, ChildPlace, TownCentre, TownCentreNights, CrimeHotspot }

    /// <summary>Share of the zones by kind (adds up to 1), and which orders carry each kind.</summary>
    private static readonly (ZoneKind Kind, double Share, OrderType[] On)[] ZoneMix =
    [
        (ZoneKind.ProtectedHome, 0.30, [OrderType.DomesticAbuseProtectionOrder, OrderType.DomesticViolenceProtectionOrder, OrderType.StalkingProtectionOrder]),
        (ZoneKind.ChildPlace, 0.30, [OrderType.SexualHarmPreventionOrder, OrderType.SexualRiskOrder]),
        (ZoneKind.TownCentre, 0.25, [OrderType.CriminalBehaviourOrder, OrderType.Injunction]),
        (ZoneKind.TownCentreNights, 0.05, [OrderType.CriminalBehaviourOrder]),
        (ZoneKind.CrimeHotspot, 0.10, [OrderType.SeriousCrimePreventionOrder]),
    ];

    private Dictionary<Guid, Person> _people = [];
    private Dictionary<string, List<Guid>> _iomByDistrict = [];
    private Dictionary<string, List<Guid>> _socByGroup = [];

    public void Build(int orderCount, int zoneCount)
    {
        _people = data.People.ToDictionary(p => p.Id);
        _iomByDistrict = data.Managements.Where(m => m.Scheme == Scheme.Iom)
            .GroupBy(m => DistrictOf(m.PersonId)).ToDictionary(g => g.Key, g => g.Select(m => m.PersonId).ToList(), StringComparer.Ordinal);
        _socByGroup = data.Managements.Where(m => m.Scheme == Scheme.SocLifetime)
            .GroupBy(m => m.OcgReference!).ToDictionary(g => g.Key, g => g.Select(m => m.PersonId).ToList(), StringComparer.Ordinal);

        foreach (var (type, holder) in Holders(orderCount)) NewOrder(type, holder);
        AddZones(zoneCount);
    }

    /// <summary>Who holds each order: the scheme a court would make it on, one order per person.</summary>
    private List<(OrderType, Management)> Holders(int orderCount)
    {
        var pools = new Dictionary<string, Queue<Management>>
        {
            ["rso"] = Pool(m => m.Register == Register.RegisteredSexOffender),
            ["da"] = Pool(m => m.Scheme == Scheme.Iom && m.IomCategories.HasFlag(IomCategories.DomesticAbuse)),
            ["iom"] = Pool(m => m.Scheme == Scheme.Iom && !m.IomCategories.HasFlag(IomCategories.DomesticAbuse)),
            ["soc"] = Pool(m => m.Scheme == Scheme.SocLifetime),
        };
        var anyone = Pool(_ => true);
        var taken = new HashSet<Guid>();
        var holders = new List<(OrderType, Management)>(orderCount);
        foreach (var (type, share) in OrderMix)
        {
            var wanted = type == OrderMix[^1].Type ? orderCount - holders.Count : (int)Math.Round(orderCount * share);
            var pool = pools[type switch
            {
                OrderType.SexualHarmPreventionOrder or OrderType.SexualRiskOrder => "rso",
                OrderType.DomesticAbuseProtectionOrder or OrderType.DomesticViolenceProtectionOrder or OrderType.StalkingProtectionOrder => "da",
                OrderType.SeriousCrimePreventionOrder => "soc",
                _ => "iom",
            }];
            for (var i = 0; i < wanted; i++)
            {
                var holder = Next(pool, taken) ?? Next(anyone, taken)
                             ?? throw new InvalidOperationException($"{orderCount} orders need at least as many people.");
                holders.Add((type, holder));
            }
        }
        return holders;
    }

    private Queue<Management> Pool(Func<Management, bool> which) => new(random.Shuffle(data.Managements.Where(which).ToList()));

    private static Management? Next(Queue<Management> pool, HashSet<Guid> taken)
    {
        while (pool.TryDequeue(out var management))
            if (taken.Add(management.PersonId)) return management;
        return null;
    }

    private void NewOrder(OrderType type, Management holder)
    {
        var made = today.AddDays(-random.Next(20, 1500));
        var served = made.AddDays(random.Next(0, 6));
        if (served > today) served = today;
        int? years = type switch
        {
            OrderType.SexualHarmPreventionOrder => random.Chance(0.6) ? null : 10,
            OrderType.SeriousCrimePreventionOrder => 5,
            OrderType.DomesticAbuseProtectionOrder or OrderType.DomesticViolenceProtectionOrder => 2,
            _ => random.Next(2, 6),
        };
        var ends = years is { } y ? made.AddYears(y) : (DateOnly?)null;
        // Every order is live: one past its end would have expired.
        if (ends is { } end && end < today.AddDays(60)) ends = today.AddDays(random.Next(60, 700));
        var order = new Order
        {
            Id = random.NextId(), PersonId = holder.PersonId, Type = type, Status = OrderStatus.Active,
            Court = $"{random.Pick(BenchNames.FamilyNames)} Magistrates' Court", CaseReference = $"BN{made.Year}{random.Next(10000, 99999)}",
            MadeOn = made, StartsOn = made, EndsOn = ends,
            ServedAt = new DateTimeOffset(served.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero),
            ServedByOfficerId = holder.ResponsibleOfficerId, ServedWhere = "police station",
            LeadOfficerId = holder.ResponsibleOfficerId, OwningTeamId = holder.OwningTeamId, CreatedAt = now,
        };
        order.Assignments.Add(new OrderAssignment
        {
            OfficerId = holder.ResponsibleOfficerId, TeamId = holder.OwningTeamId, From = order.ServedAt.Value, Reason = AssignmentReason.InitialAllocation, AssignedBy = "bench",
        });
        AddConditions(order, holder);
        data.Orders.Add(order);
    }

    private void AddConditions(Order order, Management holder)
    {
        var home = _people[order.PersonId].Address!;
        switch (order.Type)
        {
            case OrderType.SexualHarmPreventionOrder or OrderType.SexualRiskOrder:
                Add(order, new NonAssociationCondition
                {
                    Wording = "Not to have any unsupervised contact with a child under 16, other than incidental contact in daily life.",
                    Associates = [new NonAssociate(null, "any child under the age of 16")],
                });
                if (random.Chance(0.7)) Add(order, new DevicesCondition { Wording = "Not to use any internet-capable device unless registered with the police.", MustRegisterDevices = true, MustAllowInspection = true });
                if (random.Chance(0.3)) Add(order, new TravelCondition { Wording = "To notify the police 7 days before travel outside the UK.", NoticeDays = 7 });
                break;
            case OrderType.CriminalBehaviourOrder or OrderType.Injunction:
                if (order.Type == OrderType.CriminalBehaviourOrder || random.Chance(0.5))
                    Add(order, new NonAssociationCondition { Wording = "Not to associate with the named persons in any public place.", Associates = Peers(_iomByDistrict[DistrictOf(order.PersonId)], order.PersonId, 2) });
                if (random.Chance(0.5)) Add(order, new DevicesCondition { Wording = "Not to possess any mobile telephone that is not registered with the police.", MustRegisterDevices = true });
                if (random.Chance(order.Type == OrderType.CriminalBehaviourOrder ? 0.4 : 0.1)) Add(order, Curfew(home));
                break;
            case OrderType.SeriousCrimePreventionOrder:
                Add(order, new FinancialReportingCondition { Wording = "To provide monthly statements for every bank account.", WhatToReport = "bank statements", IntervalMonths = 1 });
                Add(order, new DevicesCondition { Wording = "Not to possess more than one mobile telephone.", MaxPhones = 1, MustRegisterDevices = true, MustAllowInspection = true });
                Add(order, new NonAssociationCondition { Wording = $"Not to associate with the named members of {holder.OcgReference}.", Associates = Peers(_socByGroup.GetValueOrDefault(holder.OcgReference ?? "", []), order.PersonId, 3) });
                Add(order, new TravelCondition { Wording = "To surrender any passport.", NoticeDays = 14, PassportSurrendered = true });
                if (random.Chance(0.2)) Add(order, Curfew(home));
                break;
            default:  // domestic abuse and stalking
                Add(order, new NonAssociationCondition
                {
                    Wording = "Not to contact the protected person directly or indirectly.",
                    Associates = [new NonAssociate(null, "the protected person")],
                });
                if (random.Chance(0.1)) Add(order, Curfew(home));
                break;
        }
    }

    private List<NonAssociate> Peers(List<Guid> candidates, Guid self, int most)
    {
        var peers = new List<NonAssociate>();
        for (var attempt = 0; attempt < most * 3 && peers.Count < most && candidates.Count > 1; attempt++)
        {
            var peer = random.Pick(candidates);
            if (peer != self && peers.All(p => p.PersonId != peer)) peers.Add(new NonAssociate(peer, ""));
        }
        return peers;
    }

    private static CurfewCondition Curfew(Address home) => new()
    {
        Wording = "To remain at the home address between 21:00 and 06:00 every night.",
        Windows = Enumerable.Range(0, 7).Select(d => new WeeklyWindow((DayOfWeek)d, new TimeOnly(21, 0), new TimeOnly(6, 0))).ToList(),
        AddressText = $"{home.Line1}, {home.Town}", Latitude = home.Latitude, Longitude = home.Longitude,
    };

    /// <summary>Spreads the zones over orders of the kinds that carry them, one per order first, then extra ones.</summary>
    private void AddZones(int zoneCount)
    {
        var candidates = new List<(Order Order, ZoneKind Kind)>();
        var planned = new List<(Order Order, ZoneKind Kind)>();
        foreach (var (kind, share, on) in ZoneMix)
        {
            var eligible = random.Shuffle(data.Orders.Where(o => on.Contains(o.Type)).ToList());
            var wanted = (int)Math.Round(zoneCount * share);
            planned.AddRange(eligible.Take(wanted).Select(o => (o, kind)));
            candidates.AddRange(eligible.Select(o => (o, kind)));
        }
        if (planned.Count > zoneCount) planned.RemoveRange(zoneCount, planned.Count - zoneCount);
        random.Shuffle(candidates);
        for (var i = 0; planned.Count < zoneCount && candidates.Count > 0; i++) planned.Add(candidates[i % candidates.Count]);
        foreach (var (order, kind) in planned) Add(order, Zone(order, kind));
    }

    private ExclusionZoneCondition Zone(Order order, ZoneKind kind)
    {
        var home = _people[order.PersonId].Address!;
        var homeWard = areas.Find(home.AreaCode!)!;
        switch (kind)
        {
            case ZoneKind.ProtectedHome:
            {
                // The protected person lives somewhere in the same district.
                var wards = areas.Areas.Where(a => a.DistrictCode == homeWard.DistrictCode).ToList();
                var (lat, lon) = random.PointIn(random.Pick(wards));
                return Circle("the protected person's home", lat, lon, random.Between(200, 500), []);
            }
            case ZoneKind.ChildPlace:
            {
                var (lat, lon) = random.Near(home.Latitude, home.Longitude, 300, 5_000);
                var schoolHours = random.Chance(0.4)
                    ? Enumerable.Range(1, 5).Select(d => new WeeklyWindow((DayOfWeek)d, new TimeOnly(8, 0), new TimeOnly(16, 0))).ToList()
                    : [];
                return Circle(random.Chance(0.5) ? $"{homeWard.Name} recreation ground" : $"the school grounds near {homeWard.Name}", lat, lon, random.Between(100, 400), schoolHours);
            }
            case ZoneKind.TownCentre or ZoneKind.TownCentreNights:
            {
                var (lat, lon) = random.Near(home.Latitude, home.Longitude, 500, 4_000);
                var nights = kind == ZoneKind.TownCentreNights
                    ? new List<WeeklyWindow> { new(DayOfWeek.Friday, new TimeOnly(18, 0), new TimeOnly(6, 0)), new(DayOfWeek.Saturday, new TimeOnly(18, 0), new TimeOnly(6, 0)) }
                    : [];
                return Polygon($"{homeWard.Name} town centre", lat, lon, random.Between(300, 1_200), nights);
            }
            default:
            {
                var (lat, lon) = random.Near(home.Latitude, home.Longitude, 1_000, 10_000);
                return Polygon($"the {homeWard.Name} area", lat, lon, random.Between(400, 2_000), []);
            }
        }
    }

    private static ExclusionZoneCondition Circle(string name, double lat, double lon, double radius, List<WeeklyWindow> windows) => new()
    {
        ZoneName = name, Shape = ZoneShape.Circle, CentreLatitude = Math.Round(lat, 6), CentreLongitude = Math.Round(lon, 6), RadiusMetres = Math.Round(radius),
        Windows = windows, Wording = $"Not to enter {name} (within {radius:0} metres of its centre).",
    };

    /// <summary>An irregular star-shaped ring (so always simple and valid) of 8 to 14 corners around a centre.</summary>
    private ExclusionZoneCondition Polygon(string name, double lat, double lon, double radius, List<WeeklyWindow> windows)
    {
        var corners = random.Next(8, 15);
        var angles = Enumerable.Range(0, corners).Select(i => (i + random.Between(0.1, 0.9)) * 2 * Math.PI / corners).ToList();
        var (dLat, dLon) = Geo.DegreesFor(1, lat);
        var ring = angles.Select(a =>
        {
            var r = radius * random.Between(0.6, 1.2);
            return new Coordinate(Math.Round(lon + r * dLon * Math.Sin(a), 6), Math.Round(lat + r * dLat * Math.Cos(a), 6));
        }).ToList();
        ring.Add(ring[0].Copy());
        return new ExclusionZoneCondition
        {
            ZoneName = name, Shape = ZoneShape.Polygon, Windows = windows,
            PolygonWkb = Geo.ToWkb(Geo.Factory.CreatePolygon(ring.ToArray())),
            Wording = $"Not to enter {name}, as shown on the map attached to the order.",
        };
    }

    /// <summary>Adds a condition as OrderBook does, filing a zone under the wards it touches.</summary>
    private void Add(Order order, Condition condition)
    {
        condition.Id = random.NextId();
        condition.OrderId = order.Id;
        condition.AddedOn = order.MadeOn;
        if (condition is ExclusionZoneCondition zone)
        {
            var outline = ZoneGeometry.Of(zone).Outline;
            var box = outline.EnvelopeInternal;
            (zone.MinLatitude, zone.MaxLatitude, zone.MinLongitude, zone.MaxLongitude) = (box.MinY, box.MaxY, box.MinX, box.MaxX);
            zone.Areas = areas.Touching(outline).Select(code => new ExclusionZoneArea { ConditionId = zone.Id, AreaCode = code }).ToList();
        }
        order.Conditions.Add(condition);
    }

    private string DistrictOf(Guid personId) => areas.Find(_people[personId].Address!.AreaCode!)!.DistrictCode;
}
