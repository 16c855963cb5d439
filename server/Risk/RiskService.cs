using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Audit;
using OffenderMgmt.Server.Caseload;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Mappa;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Server.Risk;

/// <summary>gRPC Risk service: assessments and risk management plans. Guards, maps, calls <see cref="RiskRegister"/>.</summary>
public sealed class RiskService(
    RiskRegister register, CaseloadBook caseload, DisclosurePolicy disclosure, PartnerMeetingScope partners, Caller caller, CallAudit audit,
    OffenderMgmtDb db, ForceClock clock) : V1.Risk.RiskBase
{
    public override async Task<V1.Assessment> RecordAssessment(V1.RecordAssessmentRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var person = v.Id("person_id", request.PersonId);
        var tool = RiskMessages.Tools.Required(v, "tool", request.Tool);
        var completed = v.Date("completed_on", request.CompletedOn, TimeBounds.Happened, clock, required: true);
        var review = v.Date("next_review_on", request.NextReviewOn, TimeBounds.Planned, clock);
        var management = v.Id("apply_to_management_id", request.ApplyToManagementId, required: false);
        var (result, field) = RiskMessages.Result(request, v);
        v.ThrowIfInvalid();
        audit.Touched(person);
        await disclosure.EnsureMayEditPersonAsync(person, context.CancellationToken);
        var (assessment, changed) = await register.RecordAssessmentAsync(new AssessmentInput(
            person, tool, completed, request.Assessor, result, field, request.Narrative, review, management.OrNull(), request.ExpectedVersion), context.CancellationToken);
        audit.Touched(assessment.Id);
        if (changed is not null) audit.Touched(changed.Id);
        return RiskMessages.Assessment(assessment, await NameAsync(person, context.CancellationToken), withNarrative: true, clock.Today);
    }

    public override async Task<V1.ListAssessmentsResponse> ListAssessments(V1.ListAssessmentsRequest request, ServerCallContext context)
    {
        var person = Ids.Require(request.PersonId, "person_id");
        audit.Touched(person);
        var narrative = await MaySeeRestrictedAsync(person, context.CancellationToken);
        var (list, next) = await register.ListAsync(person, request.PageSize, request.PageToken, context.CancellationToken);
        audit.Touched(list.Select(a => a.Id));
        var name = await NameAsync(person, context.CancellationToken);
        var response = new V1.ListAssessmentsResponse { NextPageToken = next };
        response.Assessments.AddRange(list.Select(a => RiskMessages.Assessment(a, name, narrative, clock.Today)));
        return response;
    }

    public override async Task<V1.ListAssessmentsResponse> ListAssessmentsDue(V1.ListAssessmentsDueRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var officer = v.Id("officer_id", request.OfficerId, required: false);
        var team = v.Id("team_id", request.TeamId, required: false);
        if ((officer == Guid.Empty) == (team == Guid.Empty)) v.Add("officer_id", "give exactly one of officer_id or team_id");
        v.ThrowIfInvalid();
        if (officer != Guid.Empty) await disclosure.EnsureCaseworkOfOfficerAsync(officer, context.CancellationToken);
        else await disclosure.EnsureCaseworkOfTeamAsync(team, context.CancellationToken);
        var (list, next) = await register.DueAsync(officer.OrNull(), team.OrNull(), request.HorizonDays, request.PageSize, request.PageToken, context.CancellationToken);
        audit.Touched(list.Select(a => a.Id));
        audit.Touched(list.Select(a => a.PersonId));
        var names = await NamesAsync(list.Select(a => a.PersonId), context.CancellationToken);
        var response = new V1.ListAssessmentsResponse { NextPageToken = next };
        // A list of work due: the narratives stay with each person's record.
        response.Assessments.AddRange(list.Select(a => RiskMessages.Assessment(a, names.GetValueOrDefault(a.PersonId, ""), withNarrative: false, clock.Today)));
        return response;
    }

    public override async Task<V1.RiskPlan> CreatePlan(V1.CreatePlanRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var managementId = v.Id("management_id", request.ManagementId);
        var basedOn = v.Id("based_on_assessment_id", request.BasedOnAssessmentId, required: false);
        var input = RiskMessages.Plan(request.Supervision, request.MonitoringAndControl, request.Interventions, request.VictimSafety, request.Actions, request.ReviewOn, v, clock);
        v.ThrowIfInvalid();
        audit.Touched(managementId);
        var management = await caseload.GetAsync(managementId, context.CancellationToken, "management_id");
        audit.Touched(management.PersonId);
        await disclosure.EnsureMayEditPersonAsync(management.PersonId, context.CancellationToken);
        var plan = await register.CreatePlanAsync(managementId, input, basedOn.OrNull(), context.CancellationToken);
        audit.Touched(plan.Id);
        return await PlanAsync(plan, context.CancellationToken);
    }

    public override async Task<V1.RiskPlan> UpdatePlan(V1.UpdatePlanRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        if (request.ExpectedVersion <= 0) v.Add("expected_version", "is required: the version the change was based on");
        var input = RiskMessages.Plan(request.Supervision, request.MonitoringAndControl, request.Interventions, request.VictimSafety, request.Actions, request.ReviewOn, v, clock);
        v.ThrowIfInvalid();
        audit.Touched(id);
        var existing = await register.GetPlanByIdAsync(id, context.CancellationToken);
        audit.Touched(existing.PersonId);
        await disclosure.EnsureMayEditPersonAsync(existing.PersonId, context.CancellationToken);
        var plan = await register.UpdatePlanAsync(id, request.ExpectedVersion, input, context.CancellationToken);
        return await PlanAsync(plan, context.CancellationToken);
    }

    public override async Task<V1.RiskPlan> ApprovePlan(V1.ApprovePlanRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var id = v.Id("id", request.Id);
        if (request.ExpectedVersion <= 0) v.Add("expected_version", "is required: the version that was read and approved");
        v.ThrowIfInvalid();
        audit.Touched(id);
        var existing = await register.GetPlanByIdAsync(id, context.CancellationToken);
        audit.Touched(existing.PersonId);
        var management = await caseload.GetAsync(existing.ManagementId, context.CancellationToken);
        await disclosure.EnsureCaseworkOfTeamAsync(management.OwningTeamId, context.CancellationToken);
        var plan = await register.ApprovePlanAsync(id, request.ExpectedVersion, request.Note, context.CancellationToken);
        return await PlanAsync(plan, context.CancellationToken);
    }

    public override async Task<V1.RiskPlan> GetPlan(V1.GetPlanRequest request, ServerCallContext context)
    {
        var managementId = Ids.Require(request.ManagementId, "management_id");
        audit.Touched(managementId);
        var management = await caseload.GetAsync(managementId, context.CancellationToken, "management_id");
        audit.Touched(management.PersonId);
        if (!await MaySeeRestrictedAsync(management.PersonId, context.CancellationToken))
            throw new AccessDeniedException("Risk management plans are restricted casework.");
        var plan = await register.CurrentPlanAsync(managementId, context.CancellationToken);
        audit.Touched(plan.Id);
        return await PlanAsync(plan, context.CancellationToken);
    }

    public override async Task<V1.RiskSummary> GetRiskSummary(V1.GetRiskSummaryRequest request, ServerCallContext context)
    {
        var person = Ids.Require(request.PersonId, "person_id");
        audit.Touched(person);
        if (!await db.People.AnyAsync(p => p.Id == person, context.CancellationToken)) throw new NotFoundException("person", person.ToString(), "person_id");
        if (caller.Role == Role.PartnerAgency) await EnsurePartnerSeesAsync(person, context.CancellationToken);
        else await disclosure.ForPersonAsync(person, context.CancellationToken);
        var summary = await register.SummaryAsync(person, context.CancellationToken);
        var response = new V1.RiskSummary { PersonId = person.ToString(), RiskLevel = RiskMessages.Levels.ToProto(summary.Risk), MappaLevel = summary.MappaLevel ?? 0 };
        response.WhatToDoIfSeen.AddRange(summary.WhatToDoIfSeen);
        return response;
    }

    /// <summary>
    /// Restricted casework (assessment narratives, plans): the caller's own or team's cases (or
    /// with a reason); a partner only for a case on a meeting their agency attends; never a
    /// local officer or an analyst.
    /// </summary>
    private async Task<bool> MaySeeRestrictedAsync(Guid person, CancellationToken cancellationToken)
    {
        if (caller.Role == Role.PartnerAgency)
        {
            await EnsurePartnerSeesAsync(person, cancellationToken);
            return true;
        }
        var level = await disclosure.ForPersonAsync(person, cancellationToken);
        return level.Allows(RestrictedField.RiskAssessment);
    }

    private async Task EnsurePartnerSeesAsync(Guid person, CancellationToken cancellationToken)
    {
        if (!await partners.SeesAsync(person, cancellationToken))
            throw new AccessDeniedException("Partner agencies see risk only for the cases of MAPPA meetings their agency attends.");
    }

    private async Task<V1.RiskPlan> PlanAsync(RiskPlan plan, CancellationToken cancellationToken)
    {
        var ids = plan.Actions.Select(a => a.OwnerOfficerId).OfType<Guid>().Distinct().ToList();
        var names = (await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.DisplayName);
        return RiskMessages.Plan(plan, names, clock.Today);
    }

    private async Task<string> NameAsync(Guid person, CancellationToken cancellationToken) =>
        (await NamesAsync([person], cancellationToken)).GetValueOrDefault(person, "");

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> people, CancellationToken cancellationToken)
    {
        var ids = people.Distinct().ToList();
        return (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
    }
}
