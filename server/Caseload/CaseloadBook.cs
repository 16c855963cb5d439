using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Compliance;
using OffenderMgmt.Server.Officers;
using OffenderMgmt.Server.Orders;
using OffenderMgmt.Server.People;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using OffenderMgmt.Server.Tasks;

namespace OffenderMgmt.Server.Caseload;

public sealed record Enrolment(
    Guid PersonId, Scheme Scheme, Guid? OfficerId, Guid? TeamId, DateOnly? StartedOn, RiskLevel Risk,
    IomCohortType? Cohort, IomCategories Categories, Register Register, int? MappaCategory, int? MappaLevel,
    NotificationDetails? Notification, string? OcgReference, string RiskAssessment);

public sealed record NotificationDetails(DateOnly ConvictionDate, NotificationDisposal Disposal, int? SentenceMonths, int AgeAtConviction, DateOnly? LastNotifiedOn);

/// <summary>One row of a caseload: a case, with what is next and what is overdue.</summary>
public sealed record CaseRow(
    Management Management, Person Person, string? OfficerName, ComplianceCheck? NextCheck, int OverdueChecks, int OpenBreaches, int LiveOrders, string? AreaName);

/// <summary>
/// Managements: enrolling a person in a scheme, changing their risk, ending a management, and
/// the caseload rows officers and supervisors work from. Every case has one holder at a time,
/// and a history of who held it and why.
/// </summary>
public sealed class CaseloadBook(
    OffenderMgmtDb db, CheckPlanner checks, IOptions<ReviewOptions> reviews, Caller caller, ForceClock clock, Areas.AreaIndexHolder areas)
{
    public async Task<Management> EnrolAsync(Enrolment request, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var started = request.StartedOn ?? today;
        var v = new Validator();
        v.Enum("scheme", request.Scheme);
        v.Enum("risk_level", request.Risk);
        var assessment = v.Optional("risk_assessment", request.RiskAssessment, 20_000);
        if (started > today) v.Add("started_on", "must not be in the future");
        switch (request.Scheme)
        {
            case Scheme.Iom:
                if (request.Cohort is null) v.Add("cohort_type", "is required for IOM (fixed, flex or free)");
                if (request.Categories == IomCategories.None) v.Add("iom_categories", "name at least one category");
                break;
            case Scheme.Vsomt:
                if (request.Register == Register.None) v.Add("register", "is required for VSOMT (sex offender or violent offender)");
                if (request.MappaCategory is not (>= 1 and <= 4)) v.Add("mappa_category", "must be 1 to 4");
                // Criminal Justice Act 2003 s.327(2): offenders subject to the notification requirements of
                // the Sexual Offences Act 2003 Part 2 are MAPPA category 1, whatever else they are.
                else if (request.Register == Register.RegisteredSexOffender && request.MappaCategory != 1)
                    v.Add("mappa_category", "must be 1 for a registered sex offender (Criminal Justice Act 2003 s.327(2))");
                if (request.MappaLevel is not (>= 1 and <= 3)) v.Add("mappa_level", "must be 1 to 3");
                if (request.Register == Register.RegisteredSexOffender && request.Notification is null)
                    v.Add("notification", "is required for a registered sex offender: conviction date, disposal and age at conviction");
                break;
            case Scheme.SocLifetime:
                v.Required("ocg_reference", request.OcgReference, 50);
                break;
        }
        if (request.Notification is { } n)
        {
            if (n.ConvictionDate > today) v.Add("notification.conviction_date", "must not be in the future");
            if (n.AgeAtConviction is < 10 or > 120) v.Add("notification.age_at_conviction", "must be between 10 and 120");
            if (NotificationPeriod.NeedsMonths(n.Disposal) && n.SentenceMonths is not (> 0 and <= 1200))
                v.Add("notification.sentence_months", "is required (1 to 1200) for a custodial sentence or a conditional discharge (its period)");
        }
        if (request.OfficerId is null && request.TeamId is null) v.Add("responsible_officer_id", "give a responsible officer, or the team whose queue holds the case (owning_team_id)");
        v.ThrowIfInvalid();

        if (!await db.People.AnyAsync(p => p.Id == request.PersonId, cancellationToken))
            throw new NotFoundException("person", request.PersonId.ToString(), "person_id");
        if (await db.Managements.AnyAsync(m => m.PersonId == request.PersonId && m.Scheme == request.Scheme && m.Status == ManagementStatus.Active, cancellationToken))
            throw new AlreadyExistsException($"This person is already managed under {CaseloadEnums.SchemeWords[request.Scheme]}; change that management instead of enrolling them again.");
        var officer = request.OfficerId is { } id
            ? await db.Officers.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException("officer", id.ToString(), "responsible_officer_id")
            : null;
        if (officer is not null) AssignmentRules.EnsureMayHoldCase(officer, request.Scheme, today);
        var team = request.TeamId ?? officer!.TeamId;
        if (request.TeamId is { } t && !await db.Teams.AnyAsync(x => x.Id == t, cancellationToken))
            throw new NotFoundException("team", t.ToString(), "owning_team_id");

        var management = new Management
        {
            PersonId = request.PersonId,
            Scheme = request.Scheme,
            StartedOn = started,
            OwningTeamId = team,
            ResponsibleOfficerId = officer?.Id,
            RiskLevel = request.Risk,
            CohortType = request.Scheme == Scheme.Iom ? request.Cohort : null,
            IomCategories = request.Scheme == Scheme.Iom ? request.Categories : IomCategories.None,
            Register = request.Scheme == Scheme.Vsomt ? request.Register : Register.None,
            MappaCategory = request.Scheme == Scheme.Vsomt ? request.MappaCategory : null,
            MappaLevel = request.Scheme == Scheme.Vsomt ? request.MappaLevel : null,
            OcgReference = request.Scheme == Scheme.SocLifetime ? request.OcgReference!.Trim() : null,
            RiskAssessment = assessment,
            CreatedAt = clock.Now,
        };
        management.NextReviewDue = reviews.Value.NextReview(management, started);
        if (request.Notification is { } notification && management.Register == Register.RegisteredSexOffender)
            management.Notification = new RsoNotification
            {
                ConvictionDate = notification.ConvictionDate, Disposal = notification.Disposal, SentenceMonths = notification.SentenceMonths,
                AgeAtConviction = notification.AgeAtConviction, LastNotifiedOn = notification.LastNotifiedOn ?? started,
                PeriodEndsOn = NotificationPeriod.EndsOn(notification.ConvictionDate, notification.Disposal, notification.SentenceMonths, notification.AgeAtConviction),
            };
        management.Assignments.Add(new ManagementAssignment
        {
            OfficerId = officer?.Id, TeamId = team, From = clock.Now, Reason = AssignmentReason.InitialAllocation, AssignedBy = caller.Subject,
        });
        db.Managements.Add(management);
        await checks.PlanForManagementAsync(management, started, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return management;
    }

    public async Task<Management> GetAsync(Guid id, CancellationToken cancellationToken, string field = "id") =>
        await db.Managements.Include(m => m.Assignments).FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
        ?? throw new NotFoundException("management", id.ToString(), field);

    public async Task<IReadOnlyList<Management>> ForPersonAsync(Guid personId, bool includeEnded, CancellationToken cancellationToken) =>
        await db.Managements.AsNoTracking().Include(m => m.Assignments)
            .Where(m => m.PersonId == personId && (includeEnded || m.Status == ManagementStatus.Active))
            .OrderBy(m => m.StartedOn).ToListAsync(cancellationToken);

    /// <summary>A change of risk (and MAPPA level), kept as history; home visits are rescheduled to match.</summary>
    public async Task<Management> ChangeRiskAsync(Guid id, long expectedVersion, RiskLevel risk, int? mappaLevel, string reason, CancellationToken cancellationToken, Guid? assessmentId = null)
    {
        var v = new Validator();
        v.Enum("risk_level", risk);
        var why = v.Required("reason", reason, 2000);
        if (mappaLevel is not null and not (>= 1 and <= 3)) v.Add("mappa_level", "must be 1 to 3");
        v.ThrowIfInvalid();
        var management = await GetAsync(id, cancellationToken);
        if (management.Version != expectedVersion) throw new StaleVersionException("management", id.ToString(), expectedVersion, management.Version);
        if (!management.IsActive) throw new RuleViolationException("MANAGEMENT_ENDED", "This management has ended; its risk cannot change.");
        if (mappaLevel is not null && management.Scheme != Scheme.Vsomt) throw new ValidationException("mappa_level", "is only for VSOMT/MAPPA cases");
        if (management.RiskLevel == risk && (mappaLevel is null || mappaLevel == management.MappaLevel))
            throw new ValidationException("risk_level", "is the same as now; nothing to change");

        var basis = await RiskBasisAsync(management, risk, assessmentId, cancellationToken);
        db.ManagementRiskChanges.Add(new ManagementRiskChange
        {
            ManagementId = management.Id, At = clock.Now, FromRisk = management.RiskLevel, ToRisk = risk,
            FromMappaLevel = management.MappaLevel, ToMappaLevel = mappaLevel ?? management.MappaLevel, ChangedBy = caller.Subject, Reason = why,
            AssessmentId = basis?.RestsOn, OverridesAssessmentId = basis?.Overrides,
        });
        management.RiskLevel = risk;
        if (mappaLevel is not null && mappaLevel != management.MappaLevel)
        {
            management.MappaLevel = mappaLevel;
            // A new MAPPA level brings its own review cadence, counted from today if that is sooner.
            var next = reviews.Value.NextReview(management, clock.Today);
            if (management.NextReviewDue is null || next < management.NextReviewDue) management.NextReviewDue = next;
        }
        // Reactive management is for low-risk cases only: a rise in risk ends it, and visits resume.
        if (risk != RiskLevel.Low && management.IsReactive)
        {
            management.ReactiveSince = null;
            management.ReactiveReviewOn = null;
        }
        await checks.RescheduleHomeVisitAsync(management, cancellationToken);
        db.Entry(management).Property(m => m.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return management;
    }

    /// <summary>
    /// Which assessment a change of risk level rests on, or which it overrides (a change of
    /// MAPPA level alone rests on none): <see cref="Risk.RiskRules.BasisOf"/>.
    /// </summary>
    private async Task<Risk.RiskBasis?> RiskBasisAsync(Management management, RiskLevel risk, Guid? assessmentId, CancellationToken cancellationToken)
    {
        if (assessmentId is { } named)
        {
            var found = db.RiskAssessments.Local.FirstOrDefault(a => a.Id == named)
                        ?? await db.RiskAssessments.FirstOrDefaultAsync(a => a.Id == named, cancellationToken)
                        ?? throw new NotFoundException("risk assessment", named.ToString(), "assessment_id");
            if (found.PersonId != management.PersonId) throw new ValidationException("assessment_id", "is an assessment of someone else");
            if (found.Level != risk) throw new ValidationException("assessment_id", $"gives {RiskLevels.Words(found.Level)}, not {RiskLevels.Words(risk)}; give no assessment and say in the reason why the level departs from it");
        }
        if (management.RiskLevel == risk) return null;
        var latest = await db.RiskAssessments.AsNoTracking()
            .Where(a => a.PersonId == management.PersonId && a.Level != RiskLevel.Unspecified)
            .OrderByDescending(a => a.CompletedOn).ThenByDescending(a => a.RecordedAt)
            .Select(a => new { a.Id, a.Level }).FirstOrDefaultAsync(cancellationToken);
        return Risk.RiskRules.BasisOf(risk, assessmentId, latest is null ? null : (latest.Id, latest.Level));
    }

    public async Task<Management> EndAsync(Guid id, long expectedVersion, DateOnly endedOn, string reason, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var why = v.Required("reason", reason, 500);
        if (endedOn > clock.Today) v.Add("ended_on", "must not be in the future");
        v.ThrowIfInvalid();
        var management = await GetAsync(id, cancellationToken);
        if (management.Version != expectedVersion) throw new StaleVersionException("management", id.ToString(), expectedVersion, management.Version);
        if (!management.IsActive) throw new RuleViolationException("MANAGEMENT_ENDED", "This management has already ended.");
        if (endedOn < management.StartedOn) throw new ValidationException("ended_on", "must not be before the management started");
        management.Status = ManagementStatus.Ended;
        management.EndedOn = endedOn;
        management.EndReason = why;
        foreach (var spell in management.Assignments.Where(a => a.To is null)) spell.To = clock.Now;
        await checks.CancelOpenAsync(c => c.ManagementId == management.Id, "management ended", cancellationToken);
        var tasks = await db.Tasks.Where(t => t.ManagementId == management.Id && t.Status == WorkTaskStatus.Open).ToListAsync(cancellationToken);
        foreach (var task in tasks)
        {
            task.Status = WorkTaskStatus.Cancelled;
            task.ClosedAt = clock.Now;
            task.ClosedBy = caller.Subject;
        }
        db.Entry(management).Property(m => m.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return management;
    }

    /// <summary>The active cases an officer holds (or a team owns), with their next and overdue work.</summary>
    public async Task<(IReadOnlyList<CaseRow> Rows, string Next)> CaseloadAsync(Guid? officerId, Guid? teamId, int requestedPageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 2);
        var query = from m in db.Managements.AsNoTracking()
                    join p in db.People.AsNoTracking() on m.PersonId equals p.Id
                    where m.Status == ManagementStatus.Active
                    select new { Management = m, Person = p };
        if (officerId is { } officer) query = query.Where(x => x.Management.ResponsibleOfficerId == officer);
        else if (teamId is { } team) query = query.Where(x => x.Management.OwningTeamId == team);
        else throw new ValidationException("officer_id", "give an officer_id or a team_id");
#pragma warning disable CA1309 // EF translates string.Compare to SQL
        if (after is not null)
        {
            var lastId = Guid.TryParse(after[1], out var g) ? g : throw new ValidationException("page_token", "is not a page token this list returned");
            query = query.Where(x => string.Compare(x.Person.SortName, after[0]) > 0 || (x.Person.SortName == after[0] && x.Management.Id.CompareTo(lastId) > 0));
        }
#pragma warning restore CA1309
        var page = await query.OrderBy(x => x.Person.SortName).ThenBy(x => x.Management.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Person.SortName, page[pageSize - 1].Management.Id.ToString()) : "";
        page = page.Take(pageSize).ToList();

        var personIds = page.Select(x => x.Person.Id).Distinct().ToList();
        var today = clock.Today;
        var openChecks = await db.ComplianceChecks.AsNoTracking().Where(c => personIds.Contains(c.PersonId) && c.Status == CheckStatus.Open)
            .ToListAsync(cancellationToken);
        var openBreaches = await db.Breaches.AsNoTracking()
            .Where(b => personIds.Contains(b.PersonId) && (b.Status == BreachStatus.Suspected || b.Status == BreachStatus.Confirmed))
            .GroupBy(b => b.PersonId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var liveOrders = await db.Orders.AsNoTracking()
            .Where(o => personIds.Contains(o.PersonId) && o.Status != OrderStatus.Discharged && o.Status != OrderStatus.Expired)
            .GroupBy(o => o.PersonId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var officerIds = page.Select(x => x.Management.ResponsibleOfficerId).OfType<Guid>().Distinct().ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        var byPerson = openChecks.ToLookup(c => c.PersonId);

        var rows = page.Select(x => new CaseRow(
            x.Management, x.Person,
            x.Management.ResponsibleOfficerId is { } o ? officers.GetValueOrDefault(o) : null,
            byPerson[x.Person.Id].OrderBy(c => c.DueOn).FirstOrDefault(),
            byPerson[x.Person.Id].Count(c => c.DueOn < today),
            openBreaches.GetValueOrDefault(x.Person.Id),
            liveOrders.GetValueOrDefault(x.Person.Id),
            x.Person.Address?.AreaCode is { } code ? areas.Current.Find(code)?.Name : null)).ToList();
        return (rows, next);
    }
}
