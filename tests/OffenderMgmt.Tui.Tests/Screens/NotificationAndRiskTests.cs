using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.Person;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>Issue 20: notification duties (issue 16) and risk assessments and plans (issue 17) in a person's record.</summary>
[Collection(WritingDemoServer.Name)]
public sealed class NotificationAndRiskTests(DemoServerFactory server)
{
    [Fact]
    public async Task The_notification_tab_shows_the_duty_with_its_law_and_F4_records_a_change_of_name_in_time()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var personId = (await server.CaseOf("demo.manager", skip: 2)).ToString();
        using var terminal = new HeadlessTerminal(100, 30);
        var context = client.ContextFor(terminal.App);
        PersonWindow? window = null;

        terminal
            .When("the record is loaded", () => terminal.App.TopRunnable is PersonWindow { Record: not null }, () =>
            {
                window = (PersonWindow)terminal.App.TopRunnable!;
                terminal.Press(Key.D7.WithAlt);
                // Sexual Offences Act 2003 Part 2: the duty and where it comes from, in words.
                Assert.StartsWith("Sex offender register (Sexual Offences Act 2003, Part 2)", window.NotificationText, StringComparison.Ordinal);
                Assert.Contains("s.", window.NotificationText, StringComparison.Ordinal);
                Assert.Contains("Notification", terminal.Screen(), StringComparison.Ordinal);
                terminal.Press(Key.F4);
            })
            .WhenShowing<RecordNotificationDialog>(dialog =>
            {
                dialog.Kind.Choose(Enum.GetValues<NotificationKindChoice>().ToList().IndexOf(NotificationKindChoice.ChangeOfName));
                dialog.Details.SetFocus();
                terminal.Type("New surname by deed poll.");
                terminal.Press(Key.S.WithAlt);
            })
            .When("the notification is recorded", () => window!.StatusLine.Message.Contains("Change of name recorded", StringComparison.Ordinal), () =>
                Assert.Contains("in time", window!.StatusLine.Message, StringComparison.Ordinal))
            .Run(() => PersonWindow.Open(context, personId, "the person", Purpose.CaseManagement, notOwnWork: null), () => { });
    }

    [Fact]
    public async Task A_supervisor_approves_a_plan_awaiting_approval_from_the_risk_tab_after_confirming()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.supervisor");
        // The demo keeps two plans in the supervisor's team awaiting approval.
        var supervisor = await server.OfficerOfAccount("demo.supervisor");
        var team = await server.WithDb(db => db.Officers.Where(o => o.Id == supervisor).Select(o => o.TeamId).SingleAsync());
        var personId = (await server.WithDb(db => db.RiskPlans
            .Where(p => p.Status == Server.Risk.PlanStatus.AwaitingApproval && db.Managements.Any(m => m.Id == p.ManagementId && m.OwningTeamId == team))
            .OrderBy(p => p.Id).Select(p => p.PersonId).FirstAsync())).ToString();
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        PersonWindow? window = null;

        terminal
            .When("the record is loaded", () => terminal.App.TopRunnable is PersonWindow { Record: not null }, () =>
            {
                window = (PersonWindow)terminal.App.TopRunnable!;
                terminal.Press(Key.D8.WithAlt);
                Assert.Contains("AWAITING APPROVAL", window.RiskText, StringComparison.Ordinal);
                Assert.Contains("Assessments", window.RiskText, StringComparison.Ordinal);
                terminal.Press(Key.F12);
            })
            .WhenShowing<Ui.ConfirmDialog>(confirm =>
            {
                Assert.True(confirm.SafeButton.IsDefault, "approving is never one Enter away");
                terminal.Press(Key.A.WithAlt);
            })
            .When("the plan is approved", () => window!.StatusLine.Message.Contains("plan approved", StringComparison.Ordinal) && !window.Calls.IsBusy, () =>
                Assert.Contains("approved by demo.supervisor", window!.RiskText, StringComparison.Ordinal))
            .Run(() => PersonWindow.Open(context, personId, "the person", Purpose.Supervision, notOwnWork: null), () => { });
    }
}
