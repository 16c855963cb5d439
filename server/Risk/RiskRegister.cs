using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Risk;

public sealed record AssessmentInput(
    Guid PersonId, AssessmentTool Tool, DateOnly? CompletedOn, string Assessor, AssessmentResult Result, string? ResultField,
    string Narrative, DateOnly? NextReviewOn, Guid? ApplyToManagementId, long ExpectedVersion);

public sealed record PlanActionInput(Guid? Id, PlanPillar Pillar, string What, Guid? OwnerOfficerId, string OwnerAgency, DateOnly? DueOn, ActionStatus? Status);

public sealed record PlanInput(
    string Supervision, string MonitoringAndControl, string Interventions, string VictimSafety, IReadOnlyList<PlanActionInput> Actions, DateOnly? ReviewOn);

/// <summary>What a local officer may be told about a person's risk.</summary>
public sealed record RiskSummaryView(Guid PersonId, RiskLevel Risk, int? MappaLevel, IReadOnlyList<string> WhatToDoIfSeen);

/// <summary>
/// Risk assessments and risk management plans: recording an assessment (and, if asked,
/// setting the case's risk level from it, through <see cref="CaseloadBook"/>), the
/// assessments falling due for review, and plans from creation to a supervisor's approval.
/// </summary>
public sealed class RiskRegister(OffenderMgmtDb db, CaseloadBook caseload, IOptions<RiskOptions> options, Caller caller, ForceClock clock)
{
    public const int DefaultHorizonDays = 28;
    public const int MaxActions = 50;
    private const int PillarText = 8000;

    private RiskOptions Options => options.Value;

    public async Task<(RiskAssessment Assessment, Management? Changed)> RecordAssessmentAsync(AssessmentInput input, CancellationToken cancellationToken)
    {
        var v = new Validator();
        v.Enum("tool", input.Tool);
        var assessor = v.Required("assessor", input.Assessor, 200);
        var narrative = v.Optional("narrative", input.Narrative, 20_000);
        if (input.CompletedOn is null) v.Add("completed_on", "is required (YYYY-MM-DD)");
        else if (input.CompletedOn > clock.Today) v.Add("completed_on", "must not be in the future");
        if (input.NextReviewOn is { } review && input.CompletedOn is { } done && review <= done) v.Add("next_review_on", "must be after completed_on");
        if (Enum.IsDefined(input.Tool)) RiskRules.Validate(input.Tool, input.Result, input.ResultField, v);
        if (input.ApplyToManagementId is not null && input.ExpectedVersion <= 0) v.Add("expected_version", "is required with apply_to_management_id: the version of the management the change is based on");
        v.ThrowIfInvalid();
        if (input.Tool == AssessmentTool.Other) input.Result.ToolName = input.Result.ToolName.Trim();

        var level = RiskRules.LevelFrom(input.Tool, input.Result);
        var assessment = new RiskAssessment
        {
            PersonId = input.PersonId, Tool = input.Tool, CompletedOn = input.CompletedOn!.Value, Assessor = assessor, Result = input.Result, Level = level,
            Narrative = narrative, NextReviewOn = input.NextReviewOn ?? RiskRules.NextReviewOn(input.Tool, level, input.CompletedOn.Value, Options),
            RecordedBy = caller.Subject, RecordedAt = clock.Now,
        };
        db.RiskAssessments.Add(assessment);
        Management? changed = null;
        if (input.ApplyToManagementId is { } managementId)
        {
            var management = await caseload.GetAsync(managementId, cancellationToken, "apply_to_management_id");
            if (management.PersonId != input.PersonId) throw new ValidationException("apply_to_management_id", "is a management of someone else");
            if (level == RiskLevel.Unspecified) throw new ValidationException("apply_to_management_id", "this assessment gives no risk level to apply");
            if (management.RiskLevel != level)
                changed = await caseload.ChangeRiskAsync(managementId, input.ExpectedVersion, level, null,
                    $"{Describe(input.Tool)} assessment completed {assessment.CompletedOn:yyyy-MM-dd} by {assessor}", cancellationToken, assessment.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        return (assessment, changed);
    }

    public async Task<(IReadOnlyList<RiskAssessment> Assessments, string Next)> ListAsync(Guid personId, int requestedPageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 1);
        var query = db.RiskAssessments.AsNoTracking().Where(a => a.PersonId == personId);
        if (after is not null)
        {
            if (!Guid.TryParse(after[0], out var last)) throw new ValidationException("page_token", "is not a page token this list returned");
            query = query.Where(a => a.Id.CompareTo(last) < 0);
        }
        // Ids are version 7 (time-ordered): newest recorded first.
        var page = await query.OrderByDescending(a => a.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        return (page.Take(pageSize).ToList(), page.Count > pageSize ? Paging.Encode(page[pageSize - 1].Id.ToString()) : "");
    }

    /// <summary>The current (latest) assessment of each tool for the officer's or team's cases, due for review within the horizon.</summary>
    public async Task<(IReadOnlyList<RiskAssessment> Assessments, string Next)> DueAsync(Guid? officerId, Guid? teamId, int horizonDays, int requestedPageSize, string? pageToken, CancellationToken cancellationToken)
    {
        if (horizonDays is < 0 or > 366) throw new ValidationException("horizon_days", $"must be between 0 and 366 (0: the default of {DefaultHorizonDays})");
        var pageSize = Paging.PageSize(requestedPageSize);
        var after = Paging.Decode(pageToken, 2);
        var until = clock.Today.AddDays(horizonDays == 0 ? DefaultHorizonDays : horizonDays);
        var cases = db.Managements.AsNoTracking().Where(m => m.Status == ManagementStatus.Active);
        cases = officerId is { } officer ? cases.Where(m => m.ResponsibleOfficerId == officer) : cases.Where(m => m.OwningTeamId == teamId);
        var people = await cases.Select(m => m.PersonId).Distinct().ToListAsync(cancellationToken);
        var assessments = await db.RiskAssessments.AsNoTracking().Where(a => people.Contains(a.PersonId)).ToListAsync(cancellationToken);
        var due = Current(assessments).Where(a => a.NextReviewOn <= until)
            .OrderBy(a => a.NextReviewOn).ThenBy(a => a.Id).ToList();
        if (after is not null)
        {
            if (!IsoDate.TryParse(after[0], out var lastDue) || !Guid.TryParse(after[1], out var lastId))
                throw new ValidationException("page_token", "is not a page token this list returned");
            due = due.Where(a => a.NextReviewOn > lastDue || (a.NextReviewOn == lastDue && a.Id.CompareTo(lastId) > 0)).ToList();
        }
        var page = due.Take(pageSize).ToList();
        var next = due.Count > pageSize ? Paging.Encode(IsoDate.Format(page[^1].NextReviewOn), page[^1].Id.ToString()) : "";
        return (page, next);
    }

    /// <summary>The latest assessment of each person with each tool: the one in force.</summary>
    public static IEnumerable<RiskAssessment> Current(IEnumerable<RiskAssessment> assessments) =>
        assessments.GroupBy(a => (a.PersonId, a.Tool)).Select(g => g.OrderByDescending(a => a.CompletedOn).ThenByDescending(a => a.Id).First());

    public async Task<RiskPlan> CreatePlanAsync(Guid managementId, PlanInput input, Guid? basedOnAssessmentId, CancellationToken cancellationToken)
    {
        var management = await caseload.GetAsync(managementId, cancellationToken, "management_id");
        if (!management.IsActive) throw new RuleViolationException("MANAGEMENT_ENDED", "This management has ended; it needs no plan.");
        var actions = await ValidatePlanAsync(input, [], cancellationToken);
        if (basedOnAssessmentId is { } assessmentId &&
            !await db.RiskAssessments.AnyAsync(a => a.Id == assessmentId && a.PersonId == management.PersonId, cancellationToken))
            throw new NotFoundException("risk assessment of this person", assessmentId.ToString(), "based_on_assessment_id");

        var earlier = await db.RiskPlans.Where(p => p.ManagementId == managementId && p.Status != PlanStatus.Superseded).ToListAsync(cancellationToken);
        foreach (var old in earlier) old.Status = PlanStatus.Superseded;
        var plan = new RiskPlan
        {
            ManagementId = managementId, PersonId = management.PersonId,
            Supervision = input.Supervision.Trim(), MonitoringAndControl = input.MonitoringAndControl.Trim(),
            Interventions = input.Interventions.Trim(), VictimSafety = input.VictimSafety.Trim(),
            ReviewOn = input.ReviewOn ?? RiskRules.PlanReviewOn(management.RiskLevel, clock.Today, Options),
            BasedOnAssessmentId = basedOnAssessmentId, CreatedBy = caller.Subject, CreatedAt = clock.Now,
            Actions = actions.Select(a => NewAction(a)).ToList(),
        };
        db.RiskPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<RiskPlan> UpdatePlanAsync(Guid id, long expectedVersion, PlanInput input, CancellationToken cancellationToken)
    {
        var plan = await GetPlanByIdAsync(id, cancellationToken);
        if (plan.Version != expectedVersion) throw new StaleVersionException("risk plan", id.ToString(), expectedVersion, plan.Version);
        if (plan.Status == PlanStatus.Superseded) throw new RuleViolationException("PLAN_SUPERSEDED", "A newer plan has replaced this one; change that plan instead.");
        var actions = await ValidatePlanAsync(input, plan.Actions.Select(a => a.Id).ToHashSet(), cancellationToken);
        var before = Content(plan);

        plan.Supervision = input.Supervision.Trim();
        plan.MonitoringAndControl = input.MonitoringAndControl.Trim();
        plan.Interventions = input.Interventions.Trim();
        plan.VictimSafety = input.VictimSafety.Trim();
        if (input.ReviewOn is { } review) plan.ReviewOn = review;
        var given = actions.Where(a => a.Id is not null).ToDictionary(a => a.Id!.Value);
        foreach (var existing in plan.Actions)
        {
            if (!given.TryGetValue(existing.Id, out var change))
            {
                // Left out of the list: withdrawn, kept for the record.
                existing.Status = ActionStatus.Cancelled;
                continue;
            }
            existing.Pillar = change.Pillar;
            existing.What = change.What.Trim();
            existing.OwnerOfficerId = change.OwnerOfficerId;
            existing.OwnerAgency = change.OwnerAgency.Trim();
            existing.DueOn = change.DueOn;
            var status = change.Status ?? existing.Status;
            if (status == ActionStatus.Done && existing.Status != ActionStatus.Done) existing.CompletedOn = clock.Today;
            if (status != ActionStatus.Done) existing.CompletedOn = null;
            existing.Status = status;
        }
        foreach (var added in actions.Where(a => a.Id is null))
        {
            var action = NewAction(added);
            action.PlanId = plan.Id;
            plan.Actions.Add(action);
            db.PlanActions.Add(action);
        }
        if (plan.Status == PlanStatus.Approved && RiskRules.NeedsReapproval(before, Content(plan)))
        {
            plan.Status = PlanStatus.AwaitingApproval;
            plan.ApprovedBy = "";
            plan.ApprovedAt = null;
            plan.ApprovalNote = "";
        }
        db.Touch(plan);
        db.Entry(plan).Property(p => p.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>A supervisor approves a plan awaiting approval; nobody approves a plan they wrote.</summary>
    public async Task<RiskPlan> ApprovePlanAsync(Guid id, long expectedVersion, string note, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var text = v.Optional("note", note, 2000);
        v.ThrowIfInvalid();
        var plan = await GetPlanByIdAsync(id, cancellationToken);
        if (plan.Version != expectedVersion) throw new StaleVersionException("risk plan", id.ToString(), expectedVersion, plan.Version);
        if (plan.Status != PlanStatus.AwaitingApproval)
            throw new RuleViolationException("PLAN_NOT_AWAITING_APPROVAL", plan.Status == PlanStatus.Approved ? "This plan is already approved." : "A newer plan has replaced this one.");
        if (string.Equals(plan.CreatedBy, caller.Subject, StringComparison.OrdinalIgnoreCase))
            throw new RuleViolationException("OWN_PLAN", "A plan is approved by a supervisor other than the person who wrote it.");
        plan.Status = PlanStatus.Approved;
        plan.ApprovedBy = caller.Subject;
        plan.ApprovedAt = clock.Now;
        plan.ApprovalNote = text;
        db.Entry(plan).Property(p => p.Version).OriginalValue = expectedVersion;
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<RiskPlan> GetPlanByIdAsync(Guid id, CancellationToken cancellationToken) =>
        await db.RiskPlans.Include(p => p.Actions).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new NotFoundException("risk plan", id.ToString(), "id");

    /// <summary>The management's plan in force (approved or awaiting approval), or NOT_FOUND.</summary>
    public async Task<RiskPlan> CurrentPlanAsync(Guid managementId, CancellationToken cancellationToken) =>
        await db.RiskPlans.AsNoTracking().Include(p => p.Actions)
            .Where(p => p.ManagementId == managementId && p.Status != PlanStatus.Superseded)
            .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("risk plan for management", managementId.ToString(), "management_id");

    /// <summary>The person's highest current risk across their cases, and what to do if seen from their approved plans.</summary>
    public async Task<RiskSummaryView> SummaryAsync(Guid personId, CancellationToken cancellationToken)
    {
        var managements = await db.Managements.AsNoTracking().Where(m => m.PersonId == personId && m.Status == ManagementStatus.Active).ToListAsync(cancellationToken);
        var ids = managements.Select(m => m.Id).ToList();
        var plans = await db.RiskPlans.AsNoTracking().Include(p => p.Actions).Where(p => ids.Contains(p.ManagementId) && p.Status == PlanStatus.Approved).ToListAsync(cancellationToken);
        return new RiskSummaryView(personId,
            managements.Select(m => m.RiskLevel).DefaultIfEmpty(RiskLevel.Unspecified).Max(),
            managements.Select(m => m.MappaLevel).Max(),
            plans.SelectMany(RiskRules.WhatToDoIfSeen).Distinct().ToList());
    }

    private async Task<IReadOnlyList<PlanActionInput>> ValidatePlanAsync(PlanInput input, HashSet<Guid> existingActions, CancellationToken cancellationToken)
    {
        var v = new Validator();
        var pillars = new[]
        {
            v.Optional("supervision", input.Supervision, PillarText), v.Optional("monitoring_and_control", input.MonitoringAndControl, PillarText),
            v.Optional("interventions", input.Interventions, PillarText), v.Optional("victim_safety", input.VictimSafety, PillarText),
        };
        if (pillars.All(p => p.Length == 0) && input.Actions.Count == 0) v.Add("supervision", "a plan needs at least one pillar written or one action");
        if (input.ReviewOn is { } review && review <= clock.Today) v.Add("review_on", "must be in the future");
        if (input.Actions.Count > MaxActions) v.Add("actions", $"at most {MaxActions} actions");
        var officers = new HashSet<Guid>();
        for (var i = 0; i < input.Actions.Count && i < MaxActions; i++)
        {
            var a = input.Actions[i];
            v.Enum($"actions[{i}].pillar", a.Pillar);
            v.Required($"actions[{i}].what", a.What, 1000);
            var agency = v.Optional($"actions[{i}].owner_agency", a.OwnerAgency, 200);
            if (a.OwnerOfficerId is null && agency.Length == 0) v.Add($"actions[{i}].owner_officer_id", "give the owner: an officer, or a partner agency (owner_agency)");
            if (a.OwnerOfficerId is { } o) officers.Add(o);
            if (a.Status is { } status) v.Enum($"actions[{i}].status", status);
            if (a.Id is { } id && !existingActions.Contains(id)) v.Add($"actions[{i}].id", "is not an action of this plan");
        }
        var ids = input.Actions.Where(a => a.Id is not null).Select(a => a.Id!.Value).ToList();
        if (ids.Distinct().Count() != ids.Count) v.Add("actions", "names an action twice");
        v.ThrowIfInvalid();
        var known = await db.Officers.Where(o => officers.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancellationToken);
        var unknown = officers.Except(known).ToList();
        if (unknown.Count > 0)
        {
            var index = input.Actions.ToList().FindIndex(a => a.OwnerOfficerId == unknown[0]);
            throw new NotFoundException("officer", unknown[0].ToString(), $"actions[{index}].owner_officer_id");
        }
        return input.Actions;
    }

    private static PlanAction NewAction(PlanActionInput a) => new()
    {
        Pillar = a.Pillar, What = a.What.Trim(), OwnerOfficerId = a.OwnerOfficerId, OwnerAgency = a.OwnerAgency.Trim(), DueOn = a.DueOn,
        Status = a.Status ?? ActionStatus.Open,
    };

    private static PlanContent Content(RiskPlan p) => new(
        p.Supervision, p.MonitoringAndControl, p.Interventions, p.VictimSafety, p.ReviewOn,
        p.Actions.Select(a => new PlanAction { Id = a.Id, Pillar = a.Pillar, What = a.What, OwnerOfficerId = a.OwnerOfficerId, OwnerAgency = a.OwnerAgency, DueOn = a.DueOn, Status = a.Status }).ToList());

    public static string Describe(AssessmentTool tool) => tool switch
    {
        AssessmentTool.Rm2000Sexual => "RM2000/S",
        AssessmentTool.Rm2000Violent => "RM2000/V",
        AssessmentTool.Arms => "ARMS",
        AssessmentTool.OasysRosh => "OASys RoSH",
        AssessmentTool.Dash => "DASH",
        _ => "Other",
    };
}
