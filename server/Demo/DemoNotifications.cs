using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Tasks;

namespace OffenderMgmt.Server.Demo;

/// <summary>
/// People who show each notification rule, from demo.manager's caseload: someone with no fixed
/// abode (weekly), someone with a trip abroad planned, someone who notified a change of address
/// late (a suspected breach), someone released last week who has not yet notified; both SPO
/// holders notified their name and address within 3 days of service; and a 16-year-old with an
/// 18-month CBO and its yearly review. Their open notification checks are what the server's
/// own rules (<see cref="NotificationRules"/>) say is due. Uses its own random sequence, so the
/// rest of the force is the same as before.
/// </summary>
internal sealed class DemoNotifications(int seed, DateOnly today, DateTimeOffset now, AreaIndex areas, DemoForce force)
{
    private readonly DemoRandom _random = new(seed * 31 + 16);
    private static readonly NotificationOptions Options = new();

    public void Build()
    {
        var manager = force.Cast.VsomtManagers[0];
        var people = force.People.ToDictionary(p => p.Id);
        var withShpo = force.Orders.Where(o => o.Type == OrderType.SexualHarmPreventionOrder).Select(o => o.PersonId).ToHashSet();
        var candidates = force.Managements
            .Where(m => m.ResponsibleOfficerId == manager.Id && m.Register == Register.RegisteredSexOffender && m.RiskLevel is RiskLevel.Low or RiskLevel.Medium &&
                        people[m.PersonId].CustodyStatus == CustodyStatus.InCommunity && !withShpo.Contains(m.PersonId) && m.Notification is not null)
            .OrderBy(m => m.Id).Take(4).ToList();
        var (noFixedAbode, traveller, lateMover, released) = (candidates[0], candidates[1], candidates[2], candidates[3]);
        force.Cast.NoFixedAbode = noFixedAbode.PersonId;
        force.Cast.Traveller = traveller.PersonId;
        force.Cast.LateChangeOfAddress = lateMover.PersonId;
        force.Cast.ReleasedLastWeek = released.PersonId;

        // No fixed abode since a fortnight ago: notified the move on time, then weekly.
        Notify(noFixedAbode, NotificationKind.ChangeOfAddress, today.AddDays(-11), today.AddDays(-12), "No fixed abode: sleeping at various addresses in Luton; can regularly be found at the day centre.", noFixedAbode: true);
        Notify(noFixedAbode, NotificationKind.Weekly, today.AddDays(-4), today.AddDays(-4), "Weekly notification: still no fixed abode.", noFixedAbode: true);

        // A week in Spain, notified 12 days before departure.
        var departs = new DateTimeOffset(today.AddDays(9).ToDateTime(new TimeOnly(7, 30)), TimeSpan.Zero);
        Notify(traveller, NotificationKind.ForeignTravel, today.AddDays(-3), today.AddDays(9), "Flight from Luton Airport; staying at a hotel in Alicante.",
            departsAt: departs, destination: "Spain", returnOn: today.AddDays(16));

        // Moved ten days ago, notified five days ago: two days late.
        var moved = today.AddDays(-10);
        var late = Notify(lateMover, NotificationKind.ChangeOfAddress, today.AddDays(-5), moved, "New home address notified at Bedford police station.");
        LateBreach(lateMover, late);

        // Out of prison six days ago and has not been in: the release notification is overdue.
        force.CustodyReleases.Add(new CustodyRelease { Id = _random.NextId(), PersonId = released.PersonId, ReleasedOn = today.AddDays(-6), RecordedAt = now.AddDays(-6), RecordedBy = "demo" });

        foreach (var spo in force.Orders.Where(o => o.Type == OrderType.StalkingProtectionOrder))
        {
            var served = DateOnly.FromDateTime(spo.ServedAt!.Value.UtcDateTime);
            force.Notifications.Add(new OffenderNotification
            {
                Id = _random.NextId(), PersonId = spo.PersonId, Kind = NotificationKind.SpoNameAndAddress, NotifiedAt = At(served.AddDays(1)), EffectiveOn = served,
                Details = "Name and home address as on the order.", Judgement = "on time: within 3 days beginning with the service", RecordedBy = "demo", RecordedAt = At(served.AddDays(1)),
            });
        }

        foreach (var management in candidates) PlanChecks(management);
        KeepYouthCbosLawful(people);
        YouthCbo();
    }

    private OffenderNotification Notify(Management management, NotificationKind kind, DateOnly notifiedOn, DateOnly effectiveOn, string details,
        bool noFixedAbode = false, DateTimeOffset? departsAt = null, string destination = "", DateOnly? returnOn = null)
    {
        var at = At(notifiedOn);
        var clock = new ForceClock(TimeProvider.System, TimeZoneInfo.Utc);
        var before = NotificationRules.Compute(Facts(management), today, Options);
        var judgement = NotificationRules.Judge(kind, at, effectiveOn, departsAt, "", before, clock, Options);
        var notification = new OffenderNotification
        {
            Id = _random.NextId(), PersonId = management.PersonId, Kind = kind, NotifiedAt = at, EffectiveOn = effectiveOn, Details = details,
            NoFixedAbode = noFixedAbode, DepartsAt = departsAt, Destination = destination, ReturnOn = returnOn,
            Late = judgement.Late, Judgement = judgement.Words, RecordedBy = "demo", RecordedAt = at,
        };
        force.Notifications.Add(notification);
        if (NotificationRules.StartsNewYear(kind)) management.Notification!.LastNotifiedOn = notifiedOn;
        return notification;
    }

    /// <summary>The open checks of the person's duty, as the server would plan them.</summary>
    private void PlanChecks(Management management)
    {
        force.SpecialNotificationCases.Add(management.PersonId);
        var duty = NotificationRules.Compute(Facts(management), today, Options);
        foreach (var due in duty.Dues)
            force.Checks.Add(new ComplianceCheck
            {
                Id = _random.NextId(), PersonId = management.PersonId, ManagementId = management.Id, Kind = due.Check,
                DueOn = due.DueOn, OpensOn = due.OpensOn, CreatedAt = now,
            });
    }

    private NotificationFacts Facts(Management management)
    {
        return new NotificationFacts(
            RegistrationFacts.Of(management),
            [], false,
            force.CustodyReleases.Where(r => r.PersonId == management.PersonId).Select(r => (DateOnly?)r.ReleasedOn).Max(),
            force.Notifications.Where(x => x.PersonId == management.PersonId).OrderBy(x => x.NotifiedAt)
                .Select(x => new NotificationFact(x.Kind, x.NotifiedAt, DateOnly.FromDateTime(x.NotifiedAt.UtcDateTime), x.EffectiveOn, x.NoFixedAbode, x.DepartsAt, x.Destination, x.ReturnOn))
                .ToList(),
            management.ReactiveReviewOn);
    }

    private void LateBreach(Management management, OffenderNotification late)
    {
        var breach = new Breach
        {
            Id = _random.NextId(), PersonId = management.PersonId, OccurredAt = At(late.EffectiveOn.AddDays(3)).AddHours(-12), Source = BreachSource.Report,
            RecordedBy = "demo", RecordedAt = late.NotifiedAt, Details = $"Late change of address: {late.Judgement}.",
        };
        breach.History.Add(new BreachStatusChange { At = breach.RecordedAt, ToStatus = BreachStatus.Suspected, ChangedBy = "demo", Note = "reported" });
        force.Breaches.Add(breach);
        late.BreachId = breach.Id;
        force.Tasks.Add(new WorkTask
        {
            Id = _random.NextId(), Kind = TaskKind.SuspectedBreach, Title = "Suspected breach of notification requirements",
            Detail = $"Late change of address: {late.Judgement}. Confirm or rule out, and record any action.", PersonId = management.PersonId, BreachId = breach.Id,
            AssignedOfficerId = management.ResponsibleOfficerId, DueOn = today.AddDays(-4), CreatedAt = breach.RecordedAt, SourceKey = $"breach:{breach.Id}",
        });
    }

    /// <summary>A 16-year-old with an 18-month CBO made two months ago (lawful: 1 to 3 years for under-18s), reviewed before its first year is out.</summary>
    private void YouthCbo()
    {
        var pncIds = force.People.Select(p => p.PncId).OfType<string>().ToHashSet();
        var youth = new DemoPeople(_random, today, now, areas).Create(male: true, minAge: 16, maxAge: 16, pncIds);
        youth.Aliases.Clear();
        youth.RebuildNameKeys();
        force.People.Add(youth);
        force.Cast.YouthWithCbo = youth.Id;
        var lead = force.Cast.IomManagers[0];
        var made = today.AddDays(-60);
        var order = new Order
        {
            Id = _random.NextId(), PersonId = youth.Id, Type = OrderType.CriminalBehaviourOrder, Status = OrderStatus.Active, Court = "Luton Youth Court",
            CaseReference = $"BY{made.Year}{_random.Next(1000, 9999)}", MadeOn = made, StartsOn = made, EndsOn = made.AddMonths(18).AddDays(-1),
            ServedAt = At(made), ServedByOfficerId = lead.Id, ServedWhere = "at court", LeadOfficerId = lead.Id, OwningTeamId = lead.TeamId, CreatedAt = now,
        };
        order.Assignments.Add(new OrderAssignment { OfficerId = lead.Id, TeamId = lead.TeamId, From = order.ServedAt.Value, Reason = AssignmentReason.InitialAllocation, AssignedBy = "demo" });
        var condition = new OtherCondition { Id = _random.NextId(), OrderId = order.Id, AddedOn = made, Wording = "To attend the youth offending team's programme as directed." };
        order.Conditions.Add(condition);
        force.Orders.Add(order);
        foreach (var reviewBy in OrderTypeRules.YouthCboReviewsBy(order.StartsOn, order.EndsOn, youth.DateOfBirth!.Value))
            force.Tasks.Add(new WorkTask
            {
                Id = _random.NextId(), Kind = TaskKind.ReviewDue, Title = "Review the youth CBO",
                Detail = $"The CBO was made on someone under 18: review its operation by {IsoDate.Format(reviewBy)} (ASBCPA 2014 s.28).",
                PersonId = youth.Id, OrderId = order.Id, AssignedOfficerId = lead.Id, DueOn = reviewBy, CreatedAt = now,
                SourceKey = $"cbo-review:{order.Id}:{IsoDate.Format(reviewBy)}",
            });
    }

    /// <summary>
    /// A CBO made while its holder was under 18 runs 1 to 3 years (ASBCPA 2014 s.25(3)): the
    /// generator's 2 to 4 years is cut to 3 where the holder was 16 or 17 when it was made.
    /// </summary>
    private void KeepYouthCbosLawful(Dictionary<Guid, Person> people)
    {
        foreach (var order in force.Orders.Where(o => o.Type == OrderType.CriminalBehaviourOrder))
        {
            if (people[order.PersonId].AgeOn(order.MadeOn) is not < 18) continue;
            var latest = order.StartsOn.AddMonths(OrderTypeRules.YouthCboMaximumMonths).AddDays(-1);
            if (order.EndsOn is null || order.EndsOn > latest) order.EndsOn = latest;
        }
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
