using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using ManagementStatus = OffenderMgmt.Server.Caseload.ManagementStatus;
using Scheme = OffenderMgmt.Server.Caseload.Scheme;

namespace OffenderMgmt.Tests.CaseloadTests;

/// <summary>The weekly IOM review agenda for a scripted week.</summary>
public sealed class IomReviewAgendaTests : IDisposable
{
    private readonly DemoServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task The_agenda_lists_each_member_the_week_gives_a_reason_to_discuss_and_nobody_else()
    {
        var cohort = await _server.WithDb(db => db.Managements
            .Where(m => m.Scheme == Scheme.Iom && m.Status == ManagementStatus.Active && m.StartedOn < new DateOnly(2026, 11, 1) && !m.RiskChanges.Any()
                        && !db.Breaches.Any(b => b.PersonId == m.PersonId) && !db.ComplianceChecks.Any(c => c.PersonId == m.PersonId && c.Status == Server.Compliance.CheckStatus.Open && c.DueOn < new DateOnly(2026, 11, 26))
                        && !db.IomReviewDecisions.Any(d => d.ManagementId == m.Id)
                        && !db.ComplianceChecks.Any(c => c.PersonId == m.PersonId && c.CompletedAt >= ServerFactory.StartTime.AddDays(-8) && c.Outcome != Server.Compliance.CheckOutcome.Compliant)
                        && db.People.Any(p => p.Id == m.PersonId && p.CustodyStatus == Server.People.CustodyStatus.InCommunity))
            .OrderBy(m => m.Id).Take(5).ToListAsync());
        var (risky, released, deselect, quiet, officer) = (cohort[0], cohort[1], cohort[2], cohort[3], cohort[4].ResponsibleOfficerId!.Value);
        var iomSupervisor = await _server.WithDb(db => db.Officers.Where(o => o.TeamId == cohort[0].OwningTeamId && o.Role == Server.Officers.OfficerRole.Supervisor).Select(o => o.Id).SingleAsync());
        await _server.CreateAccountAsync("iom.lead", Server.Security.Role.Supervisor, iomSupervisor);
        var caseload = new Caseload.CaseloadClient(await _server.As("iom.lead", "supervision"));
        var service = new Caseload.CaseloadClient(await _server.As("demo.service"));
        var newcomer = (await new People.PeopleClient(await _server.As("demo.service"))
            .CreatePersonAsync(new CreatePersonRequest { Person = new PersonInput { Name = new PersonName { FamilyName = "Newcomer" } } })).Id;

        // The week's events: a new entrant, a change of risk, a release due, a de-selection proposed last week.
        var entrant = await caseload.EnrolAsync(new EnrolRequest
        {
            PersonId = newcomer, Scheme = Contracts.V1.Scheme.Iom, ResponsibleOfficerId = officer.ToString(),
            RiskLevel = RiskLevel.Medium, CohortType = IomCohortType.Flex, IomCategories = { IomCategory.SeriousAcquisitive }, StartedOn = "2026-11-24",
        });
        var current = await caseload.GetManagementAsync(new GetManagementRequest { Id = risky.Id.ToString() });
        await caseload.ChangeRiskAsync(new ChangeRiskRequest
        {
            Id = current.Id, ExpectedVersion = current.Version, RiskLevel = current.RiskLevel == RiskLevel.High ? RiskLevel.Medium : RiskLevel.High, Reason = "New intelligence of burglary",
        });
        await service.NotifyReleaseAsync(new NotifyReleaseRequest { PersonId = released.PersonId.ToString(), ExpectedReleaseDate = "2026-12-03" });
        await caseload.RecordIomDecisionAsync(new RecordIomDecisionRequest
        {
            ManagementId = deselect.Id.ToString(), MeetingOn = "2026-11-19", Decision = "Doing well", ProposeDeselection = true,
            Actions = { new IomAction { Action = "Check accommodation is secure", PartnerAgency = "Housing", Owner = "Luton Borough Council", DueOn = "2026-11-25" } },
        });

        var agenda = await caseload.GetIomReviewAgendaAsync(new GetIomReviewAgendaRequest { On = "2026-11-26" });

        Assert.Equal(("2026-11-26", "2026-11-19"), (agenda.MeetingOn, agenda.Since));
        AgendaReason[] ReasonsFor(string managementId) => agenda.Items.Single(i => i.ManagementId == managementId).Reasons.ToArray();
        Assert.Equal([AgendaReason.NewEntrant], ReasonsFor(entrant.Id));
        Assert.Equal([AgendaReason.ChangedRisk], ReasonsFor(risky.Id.ToString()));
        Assert.Equal([AgendaReason.ReleaseDue], ReasonsFor(released.Id.ToString()));
        Assert.Equal([AgendaReason.ProposedDeselection], ReasonsFor(deselect.Id.ToString()));
        Assert.DoesNotContain(agenda.Items, i => i.ManagementId == quiet.Id.ToString());
        Assert.All(agenda.Items, i => Assert.NotEmpty(i.Details));

        // The meeting records its decision and who does what.
        await caseload.RecordIomDecisionAsync(new RecordIomDecisionRequest
        {
            ManagementId = entrant.Id, MeetingOn = "2026-11-26", Decision = "Accept onto the Flex cohort",
            Actions = { new IomAction { Action = "Refer to the drug and alcohol service", PartnerAgency = "Drug and alcohol service", Owner = "Probation", DueOn = "2026-12-03" } },
        });
        agenda = await caseload.GetIomReviewAgendaAsync(new GetIomReviewAgendaRequest { On = "2026-11-26" });
        var decided = agenda.Items.Single(i => i.ManagementId == entrant.Id);
        Assert.Equal(("Accept onto the Flex cohort", "iom.lead"), (decided.Decision, decided.DecidedBy));
        Assert.Equal("Drug and alcohol service", Assert.Single(decided.Actions).PartnerAgency);

        // Deciding on last week's proposal keeps the member on this week's agenda, decided.
        await caseload.RecordIomDecisionAsync(new RecordIomDecisionRequest
        {
            ManagementId = deselect.Id.ToString(), MeetingOn = "2026-11-26", Decision = "De-select: twelve months without offending",
        });
        agenda = await caseload.GetIomReviewAgendaAsync(new GetIomReviewAgendaRequest { On = "2026-11-26" });
        var deselected = agenda.Items.Single(i => i.ManagementId == deselect.Id.ToString());
        Assert.Equal([AgendaReason.ProposedDeselection], deselected.Reasons.ToArray());
        Assert.Equal("De-select: twelve months without offending", deselected.Decision);
    }

    [Fact]
    public async Task A_partner_agency_sees_the_agenda_and_only_the_iom_cohort_is_on_it()
    {
        var partner = new Caseload.CaseloadClient(await _server.As("demo.partner", "case-management"));
        var agenda = await partner.GetIomReviewAgendaAsync(new GetIomReviewAgendaRequest());
        Assert.NotEmpty(agenda.Items);
        var iomIds = (await _server.WithDb(db => db.Managements.Where(m => m.Scheme == Scheme.Iom).Select(m => m.Id).ToListAsync())).ToHashSet();
        Assert.All(agenda.Items, i => Assert.Contains(Guid.Parse(i.ManagementId), iomIds));
    }
}
