using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Demo;

namespace OffenderMgmt.Bench.Generation;

/// <summary>
/// The managed people: each lives at a point inside a real ward (classified into it by the
/// server's own area index, as an address write would be) and has one active management.
/// Wards are not equally likely homes: each gets a log-normal weight, so most hold a handful of
/// people and a few urban hot spots hold several hundred, which is what makes a briefing slow.
/// The scheme and risk mix follows the demo force (and so the inspection): mostly low and
/// medium risk registered sex offenders and IOM cohort members, a few SOC nominals.
/// </summary>
public sealed class NationalCaseload(DemoRandom random, DateOnly today, DateTimeOffset now, AreaIndex areas, NationalData data)
{
    /// <summary>Spread of the ward weights: e^(σ·N(0,1)). 0.8 gives a densest ward about 15 times the mean.</summary>
    public const double WardWeightSigma = 0.8;

    private readonly HashSet<string> _pncIds = new(StringComparer.Ordinal);

    public void Build(int count)
    {
        var homes = WardSampler();
        var planned = new List<(Scheme Scheme, Register Register, AreaShape Ward)>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var (scheme, register) = roll switch
            {
                < 0.45 => (Scheme.Vsomt, Register.RegisteredSexOffender),
                < 0.50 => (Scheme.Vsomt, Register.RegisteredViolentOffender),
                < 0.94 => (Scheme.Iom, Register.None),
                _ => (Scheme.SocLifetime, Register.None),
            };
            planned.Add((scheme, register, homes()));
        }

        var caseload = planned.GroupBy(p => p.Ward.DistrictCode).ToDictionary(
            g => g.Key,
            g => (g.Count(p => p.Scheme == Scheme.Vsomt), g.Count(p => p.Scheme == Scheme.Iom), g.Count(p => p.Scheme == Scheme.SocLifetime)));
        new NationalStaff(random, today, data).Build(caseload);

        var handed = new Dictionary<(string, Scheme), int>();
        foreach (var (scheme, register, ward) in planned)
        {
            var person = NewPerson(ward, scheme);
            var staff = data.Districts[ward.DistrictCode];
            var (team, managers) = scheme switch
            {
                Scheme.Vsomt => (staff.Vsomt, staff.VsomtManagers),
                Scheme.Iom => (staff.Iom, staff.IomManagers),
                _ => (staff.Soc, staff.SocOfficers),
            };
            // Round robin within the district keeps caseloads near 50 each.
            var turn = handed.GetValueOrDefault((ward.DistrictCode, scheme));
            handed[(ward.DistrictCode, scheme)] = turn + 1;
            NewManagement(person, scheme, register, ward, team.Id, managers[turn % managers.Count].Id);
        }
    }

    /// <summary>Draws wards in proportion to their weights (a cumulative table and a binary search).</summary>
    private Func<AreaShape> WardSampler()
    {
        var wards = areas.Areas;
        var cumulative = new double[wards.Count];
        var total = 0.0;
        for (var i = 0; i < wards.Count; i++)
        {
            total += Math.Exp(WardWeightSigma * random.Gaussian());
            cumulative[i] = total;
        }
        return () =>
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            return wards[Math.Min(index < 0 ? ~index : index, wards.Count - 1)];
        };
    }

    private Person NewPerson(AreaShape ward, Scheme scheme)
    {
        var male = random.Chance(scheme == Scheme.Vsomt ? 0.97 : 0.88);
        var given = random.Pick(male ? BenchNames.MaleGivenNames : DemoNames.FemaleGivenNames);
        var family = random.Pick(BenchNames.FamilyNames);
        var born = today.AddYears(-random.Next(18, 80)).AddDays(-random.Next(365));
        var (lat, lon) = random.PointIn(ward);
        (lat, lon) = (Math.Round(lat, 6), Math.Round(lon, 6));
        var person = new Person
        {
            Id = random.NextId(),
            GivenName = given,
            FamilyName = family,
            DateOfBirth = born,
            Sex = male ? Sex.Male : Sex.Female,
            Description = random.Pick(male ? DemoNames.MaleDescriptions : DemoNames.FemaleDescriptions),
            PncId = NewPncId(born),
            WarningMarkers = Markers(),
            CreatedAt = now,
            UpdatedAt = now,
            Address = new Address
            {
                Line1 = $"{random.Next(1, 250)} {random.Pick(BenchNames.Streets)}",
                Line2 = ward.Name,
                Town = ward.Name,
                Postcode = $"{random.Pick(BenchNames.OutwardCodes)} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}",
                Latitude = lat,
                Longitude = lon,
                // As the server decides it when an address is written (DESIGN.md section 4).
                AreaCode = areas.Classify(lat, lon)?.Code,
            },
        };
        if (random.Chance(0.2)) person.Aliases.Add(new PersonAlias { GivenName = random.Pick(BenchNames.MaleGivenNames), FamilyName = family });
        if (random.Chance(0.03))
        {
            person.CustodyStatus = CustodyStatus.InCustody;
            person.ExpectedReleaseDate = today.AddDays(random.Next(5, 700));
        }
        person.RebuildNameKeys();
        data.People.Add(person);
        return person;
    }

    private void NewManagement(Person person, Scheme scheme, Register register, AreaShape ward, Guid teamId, Guid officerId)
    {
        var started = today.AddDays(-random.Next(60, 3000));
        var risk = RiskFor(scheme, register);
        var management = new Management
        {
            Id = random.NextId(),
            PersonId = person.Id,
            Scheme = scheme,
            StartedOn = started,
            OwningTeamId = teamId,
            ResponsibleOfficerId = officerId,
            RiskLevel = risk,
            RiskAssessment = "Generated for the national benchmark.",
            // Beyond the review-task horizon (14 days), so starting a server on the data set
            // does not raise thousands of review tasks before the first call.
            NextReviewDue = today.AddDays(random.Next(30, 180)),
            CreatedAt = new DateTimeOffset(started.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
        };
        management.Assignments.Add(new ManagementAssignment
        {
            OfficerId = officerId, TeamId = teamId, From = management.CreatedAt, Reason = AssignmentReason.InitialAllocation, AssignedBy = "bench",
        });
        switch (scheme)
        {
            case Scheme.Vsomt:
                management.Register = register;
                management.MappaCategory = register == Register.RegisteredSexOffender ? 1 : 2;
                management.MappaLevel = risk switch { RiskLevel.VeryHigh => 3, RiskLevel.High => 2, _ => 1 };
                if (register == Register.RegisteredSexOffender)
                    management.Notification = new RsoNotification
                    {
                        ConvictionDate = started.AddDays(-random.Next(30, 400)), Disposal = NotificationDisposal.Custodial, SentenceMonths = 36,
                        AgeAtConviction = 30, PeriodEndsOn = null, LastNotifiedOn = today.AddDays(-random.Next(5, 360)),
                    };
                break;
            case Scheme.Iom:
                management.CohortType = random.NextDouble() switch { < 0.4 => IomCohortType.Fixed, < 0.75 => IomCohortType.Flex, _ => IomCohortType.Free };
                management.IomCategories = random.NextDouble() switch
                {
                    < 0.32 => IomCategories.DomesticAbuse,
                    < 0.41 => IomCategories.OcgMember | IomCategories.SeriousAcquisitive,
                    < 0.55 => IomCategories.Violent,
                    _ => IomCategories.SeriousAcquisitive,
                };
                break;
            default:
                management.OcgReference = $"OCG-{ward.DistrictCode}-{random.Next(1, 6):00}";
                break;
        }
        data.Managements.Add(management);
    }

    private RiskLevel RiskFor(Scheme scheme, Register register) => (scheme, register) switch
    {
        (Scheme.Vsomt, Register.RegisteredSexOffender) => random.NextDouble() switch
        {
            < 0.005 => RiskLevel.VeryHigh, < 0.075 => RiskLevel.High, < 0.42 => RiskLevel.Medium, _ => RiskLevel.Low,
        },
        (Scheme.Vsomt, _) => random.Chance(0.4) ? RiskLevel.High : RiskLevel.Medium,
        (Scheme.Iom, _) => random.NextDouble() switch { < 0.35 => RiskLevel.High, < 0.8 => RiskLevel.Medium, _ => RiskLevel.Low },
        _ => random.Chance(0.5) ? RiskLevel.High : RiskLevel.Medium,
    };

    private string NewPncId(DateOnly born)
    {
        while (true)
        {
            var firstArrest = Math.Clamp(born.Year + random.Next(14, 30), 1980, today.Year - 1);
            var id = PncId.Create(firstArrest, random.Next(1, 9_999_999));
            if (_pncIds.Add(id)) return id;
        }
    }

    private WarningMarkers Markers()
    {
        var markers = WarningMarkers.None;
        if (random.Chance(0.25)) markers |= WarningMarkers.Violent;
        if (random.Chance(0.10)) markers |= WarningMarkers.Weapons;
        if (random.Chance(0.12)) markers |= WarningMarkers.Drugs;
        if (random.Chance(0.05)) markers |= WarningMarkers.SelfHarm;
        if (random.Chance(0.02)) markers |= WarningMarkers.Firearms;
        return markers;
    }
}
