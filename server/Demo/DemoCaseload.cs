using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.People;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// The demo's managed people, in the inspection's numbers: 504 registered sex offenders (1 very
/// high and 35 high risk) and 16 registered violent offenders with the VSOMT; an IOM cohort of
/// 220 (71 domestic abuse, the rest serious acquisitive, violent and OCG members); 25 organised
/// criminals under lifetime management; a few people in custody due out in the coming weeks.
/// </summary>
internal sealed class DemoCaseload(DemoRandom random, DateOnly today, DateTimeOffset now, AreaIndex areas, DemoForce force)
{
    public const int RegisteredSexOffenders = 504;
    public const int RegisteredViolentOffenders = 16;
    public const int IomCohort = 220;
    public const int IomDomesticAbuse = 71;
    public const int IomOcgMembers = 19;
    public const int IomViolent = 30;
    public const int SocLifetime = 25;

    private readonly HashSet<string> _pncIds = [];
    private readonly DemoPeople _people = new(random, today, now, areas);

    public void Build()
    {
        var cast = force.Cast;
        BuildVsomt(cast);
        var iomOcgMembers = BuildIom(cast);
        BuildSoc(cast, iomOcgMembers);
        PutSomeInCustody();
        RecentChanges();
    }

    /// <summary>
    /// What this week's IOM review has to discuss: a few new entrants, risk changes in the last
    /// week, a de-selection proposed at last week's meeting; and older risk changes across the
    /// caseloads, so workload history has something to show.
    /// </summary>
    private void RecentChanges()
    {
        var iom = force.Managements.Where(m => m.Scheme == Scheme.Iom).ToList();
        foreach (var entrant in iom.Take(4))
        {
            entrant.StartedOn = today.AddDays(-random.Next(1, 7));
            entrant.CreatedAt = At(entrant.StartedOn);
            foreach (var spell in entrant.Assignments) spell.From = At(entrant.StartedOn);
            entrant.Assignments.RemoveAll(a => a.To is not null);
            entrant.NextReviewDue = entrant.StartedOn.AddMonths(6);
        }
        foreach (var changed in iom.Skip(4).Take(5)) ChangeRisk(changed, now.AddDays(-random.Next(1, 7)), "Intelligence of renewed offending; drug use has increased");
        foreach (var changed in force.Managements.Where(m => m.Scheme == Scheme.Vsomt).Skip(10).Take(20))
            ChangeRisk(changed, now.AddDays(-random.Next(14, 80)), "Reassessed after a MAPPA meeting");
        foreach (var proposed in iom.Skip(9).Take(2))
        {
            force.IomDecisions.Add(new IomReviewDecision
            {
                Id = random.NextId(), ManagementId = proposed.Id, MeetingOn = today.AddDays(-7),
                Decision = "Stable for six months: in work, engaging with the drug and alcohol service, no new intelligence.",
                Actions = [new IomAction("Confirm employment and housing before de-selection", "Probation", "Offender manager", today.AddDays(-1))],
                ProposeDeselection = true, DecidedBy = "demo", RecordedAt = now.AddDays(-7),
            });
        }
    }

    /// <summary>A change of risk some time ago: the management's history says what it was before.</summary>
    private static void ChangeRisk(Management management, DateTimeOffset at, string reason)
    {
        var before = management.RiskLevel == RiskLevel.Low ? RiskLevel.Medium : (RiskLevel)((int)management.RiskLevel - 1);
        management.RiskChanges.Add(new ManagementRiskChange { At = at, FromRisk = before, ToRisk = management.RiskLevel, ChangedBy = "demo", Reason = reason });
    }

    private void BuildVsomt(DemoCast cast)
    {
        var risks = Enumerable.Repeat(RiskLevel.VeryHigh, 1)
            .Concat(Enumerable.Repeat(RiskLevel.High, 35))
            .Concat(Enumerable.Repeat(RiskLevel.Medium, 170))
            .Concat(Enumerable.Repeat(RiskLevel.Low, RegisteredSexOffenders - 206))
            .ToList();
        random.Shuffle(risks);
        var managers = cast.VsomtManagers;
        for (var i = 0; i < risks.Count; i++)
        {
            var person = NewPerson(male: random.Chance(0.97), minAge: 20, maxAge: 82);
            var management = NewManagement(person, Scheme.Vsomt, risks[i], cast.VsomtTeam, managers[i % managers.Count], reviewMonths: 3);
            management.Register = Register.RegisteredSexOffender;
            management.MappaCategory = 1;
            management.MappaLevel = risks[i] switch { RiskLevel.VeryHigh => 3, RiskLevel.High => 2, _ => 1 };
            management.Notification = NewNotification(person);
        }
        for (var i = 0; i < RegisteredViolentOffenders; i++)
        {
            var risk = random.Chance(0.4) ? RiskLevel.High : RiskLevel.Medium;
            var person = NewPerson(male: random.Chance(0.9), minAge: 20, maxAge: 65);
            var management = NewManagement(person, Scheme.Vsomt, risk, cast.VsomtTeam, managers[(RegisteredSexOffenders + i) % managers.Count], reviewMonths: 3);
            management.Register = Register.RegisteredViolentOffender;
            management.MappaCategory = 2;
            management.MappaLevel = risk == RiskLevel.High ? 2 : 1;
        }
    }

    private List<Person> BuildIom(DemoCast cast)
    {
        var categories = Enumerable.Repeat(IomCategories.DomesticAbuse, IomDomesticAbuse)
            .Concat(Enumerable.Repeat(IomCategories.OcgMember | IomCategories.SeriousAcquisitive, IomOcgMembers))
            .Concat(Enumerable.Repeat(IomCategories.Violent, IomViolent))
            .Concat(Enumerable.Repeat(IomCategories.SeriousAcquisitive, IomCohort - IomDomesticAbuse - IomOcgMembers - IomViolent))
            .ToList();
        random.Shuffle(categories);
        var ocgMembers = new List<Person>();
        for (var i = 0; i < categories.Count; i++)
        {
            var category = categories[i];
            // Some acquisitive offenders are violent too; a person can carry several categories.
            if (category == IomCategories.SeriousAcquisitive && random.Chance(0.15)) category |= IomCategories.Violent;
            var person = NewPerson(male: random.Chance(category.HasFlag(IomCategories.DomesticAbuse) ? 0.95 : 0.88), minAge: 18, maxAge: 52);
            var cohort = random.NextDouble() switch { < 0.4 => IomCohortType.Fixed, < 0.75 => IomCohortType.Flex, _ => IomCohortType.Free };
            var risk = cohort switch
            {
                IomCohortType.Fixed => random.Chance(0.5) ? RiskLevel.High : RiskLevel.Medium,
                IomCohortType.Flex => random.Chance(0.7) ? RiskLevel.Medium : RiskLevel.High,
                _ => random.Chance(0.6) ? RiskLevel.Low : RiskLevel.Medium,
            };
            var management = NewManagement(person, Scheme.Iom, risk, cast.IomTeam, cast.IomManagers[i % cast.IomManagers.Count], reviewMonths: 6);
            management.CohortType = cohort;
            management.IomCategories = category;
            if (category.HasFlag(IomCategories.OcgMember)) ocgMembers.Add(person);
        }
        return ocgMembers;
    }

    private void BuildSoc(DemoCast cast, List<Person> iomOcgMembers)
    {
        var groups = new[] { "OCG-BED-014", "OCG-BED-022", "OCG-LUT-007", "OCG-LUT-031", "OCG-CBD-005" };
        var members = iomOcgMembers.Take(8).ToList();
        while (members.Count < SocLifetime) members.Add(NewPerson(male: random.Chance(0.92), minAge: 22, maxAge: 60));
        for (var i = 0; i < members.Count; i++)
        {
            var risk = random.Chance(0.5) ? RiskLevel.High : RiskLevel.Medium;
            var management = NewManagement(members[i], Scheme.SocLifetime, risk, cast.SocTeam, cast.SocOfficers[i % cast.SocOfficers.Count], reviewMonths: 6);
            management.OcgReference = groups[i % groups.Length];
        }
    }

    /// <summary>Six people due out in the next six weeks, and four with releases further off.</summary>
    private void PutSomeInCustody()
    {
        var candidates = force.People.Where(p => p.CustodyStatus == CustodyStatus.InCommunity).ToList();
        for (var i = 0; i < 10; i++)
        {
            var person = candidates[random.Next(candidates.Count)];
            candidates.Remove(person);
            person.CustodyStatus = CustodyStatus.InCustody;
            person.ExpectedReleaseDate = i < 6 ? today.AddDays(random.Next(5, 42)) : today.AddDays(random.Next(90, 700));
        }
    }

    private Person NewPerson(bool male, int minAge, int maxAge)
    {
        var person = _people.Create(male, minAge, maxAge, _pncIds);
        force.People.Add(person);
        return person;
    }

    private Management NewManagement(Person person, Scheme scheme, RiskLevel risk, Team team, Officer officer, int reviewMonths)
    {
        var started = today.AddDays(-random.Next(60, 2900));
        var management = new Management
        {
            Id = random.NextId(),
            PersonId = person.Id,
            Scheme = scheme,
            StartedOn = started,
            OwningTeamId = team.Id,
            ResponsibleOfficerId = officer.Id,
            RiskLevel = risk,
            RiskAssessment = DemoPeople.RiskAssessmentFor(scheme, risk),
            // Most reviews fall due over the coming cycle; about one in twenty is overdue.
            NextReviewDue = random.Chance(0.05) ? today.AddDays(-random.Next(1, 30)) : today.AddDays(random.Next(0, reviewMonths * 30)),
            CreatedAt = At(started),
        };
        // About a fifth of cases changed hands once before reaching their current officer.
        var handedOver = random.Chance(0.2) ? started.AddDays(random.Next(30, Math.Max(31, today.DayNumber - started.DayNumber))) : (DateOnly?)null;
        if (handedOver is { } moved && moved < officer.InPostFrom.AddDays(1)) handedOver = officer.InPostFrom.AddDays(1);
        if (handedOver is { } when && when < today)
        {
            var previous = force.Officers.Where(o => o.TeamId == team.Id && o.Id != officer.Id && o.Role == OfficerRole.OffenderManager).ToList();
            if (previous.Count > 0)
            {
                management.Assignments.Add(new ManagementAssignment
                {
                    OfficerId = random.Pick(previous).Id, TeamId = team.Id, From = At(started), To = At(when),
                    Reason = AssignmentReason.InitialAllocation, AssignedBy = "demo",
                });
                management.Assignments.Add(new ManagementAssignment
                {
                    OfficerId = officer.Id, TeamId = team.Id, From = At(when),
                    Reason = AssignmentReason.CaseloadAdjustment, AssignedBy = "demo",
                });
            }
        }
        if (management.Assignments.Count == 0)
        {
            management.Assignments.Add(new ManagementAssignment
            {
                OfficerId = officer.Id, TeamId = team.Id, From = At(started),
                Reason = AssignmentReason.InitialAllocation, AssignedBy = "demo",
            });
        }
        force.Managements.Add(management);
        return management;
    }

    private RsoNotification NewNotification(Person person)
    {
        // Convicted within the notification period, so the registration is still live.
        for (var attempt = 0; ; attempt++)
        {
            var ageNow = person.AgeOn(today) ?? 40;
            var convicted = today.AddDays(-random.Next(200, Math.Min(15 * 365, (ageNow - 12) * 365)));
            var age = person.AgeOn(convicted) ?? 30;
            var disposal = random.NextDouble() switch
            {
                < 0.62 => NotificationDisposal.Custodial,
                < 0.88 => NotificationDisposal.CommunitySentence,
                _ => NotificationDisposal.Caution,
            };
            int? months = disposal == NotificationDisposal.Custodial ? random.Pick(SentenceLengths) : null;
            var ends = NotificationPeriod.EndsOn(convicted, disposal, months, age);
            if (ends is { } end && end <= today.AddDays(30) && attempt < 50) continue;
            return new RsoNotification
            {
                ConvictionDate = convicted,
                Disposal = disposal,
                SentenceMonths = months,
                AgeAtConviction = age,
                PeriodEndsOn = ends,
                // Re-notified within the year; a handful are late.
                LastNotifiedOn = today.AddDays(-random.Next(5, random.Chance(0.03) ? 420 : 360)),
            };
        }
    }

    private static readonly int[] SentenceLengths = [3, 4, 6, 8, 12, 18, 24, 30, 36, 48, 60, 96];

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}
