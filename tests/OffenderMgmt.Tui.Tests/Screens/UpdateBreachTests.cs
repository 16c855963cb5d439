using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Workspaces.Person;
using Terminal.Gui.Input;
using ServerBreachStatus = OffenderMgmt.Server.Compliance.BreachStatus;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>Issue 20, point 7: "a breach cannot be confirmed, actioned or dismissed from its row".</summary>
[Collection(WritingDemoServer.Name)]
public sealed class UpdateBreachTests(DemoServerFactory server)
{
    [Fact]
    public async Task Enter_on_a_suspected_breach_records_the_action_taken_with_its_note_and_dismissing_one_needs_a_reason()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var (checkId, personId) = await server.RecordableCheckOf("demo.manager", skip: 2);
        var recorded = await new Compliance.ComplianceClient(await server.As("demo.manager")).RecordOutcomeAsync(new RecordOutcomeRequest
        {
            CheckId = checkId, Outcome = CheckOutcome.BreachSuspected, Notes = "Seen with a child at the school gate by a neighbour.",
        });
        var breachId = recorded.Breach.Id;
        // Terminal.Gui takes the thread that creates the application as its UI thread: create it after the awaits.
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        PersonWindow? window = null;

        terminal
            .When("the record is loaded", () => terminal.App.TopRunnable is PersonWindow { Record: not null }, () =>
            {
                window = (PersonWindow)terminal.App.TopRunnable!;
                terminal.Press(Key.D4.WithAlt);
                Assert.True(window.BreachesTable.Select(breachId));
                terminal.Press(Key.Enter);
            })
            .When("the breach dialog is running", () => Showing(terminal) is { IsRunning: true }, () =>
            {
                var dialog = Showing(terminal)!;
                Assert.Contains("school gate", terminal.Screen(), StringComparison.Ordinal);
                // Dismissing it as not a breach without saying why is refused.
                dialog.Decision.SetFocus();
                // Arrows choose (and wrap round): down to the last choice.
                for (var i = 0; i < dialog.Choices.Count - 1; i++) terminal.Press(Key.CursorDown);
            })
            .When("arrows chose not a breach", () => Showing(terminal) is { } d && d.Choices[d.Decision.Chosen] == BreachDecision.NotABreach,
                () => terminal.Press(Key.S.WithAlt))
            .When("a reason is asked for", () => Showing(terminal) is { } d && d.ProblemText.Contains("Say why", StringComparison.Ordinal), () =>
            {
                Assert.False(Showing(terminal)!.Completed);
                // Up from the last to "Action taken: warning", the second.
                Showing(terminal)!.Decision.SetFocus();
                for (var i = 0; i < Showing(terminal)!.Choices.Count - 2; i++) terminal.Press(Key.CursorUp);
            })
            .When("arrows chose a warning", () => Showing(terminal) is { } d && d.Choices[d.Decision.Chosen] == BreachDecision.Warning, () =>
            {
                Showing(terminal)!.Note.SetFocus();
                terminal.Type("Warned in person at home; the school told.");
            })
            .When("the note is typed", () => Showing(terminal) is { } d && d.Note.Text.Contains("school told", StringComparison.Ordinal),
                () => terminal.Press(Key.S.WithAlt))
            .When("the breach is saved", () => window!.StatusLine.Message.Contains("Breach now", StringComparison.Ordinal), () => { })
            .Run(() => PersonWindow.Open(context, personId, "the person", Purpose.CaseManagement, notOwnWork: null), () => { });

        var stored = await server.WithDb(db => db.Breaches.AsNoTracking().SingleAsync(b => b.Id == Guid.Parse(breachId)));
        Assert.Equal(ServerBreachStatus.ActionTaken, stored.Status);
        Assert.Equal(Server.Compliance.BreachAction.Warning, stored.Action);
    }

    private static UpdateBreachDialog? Showing(HeadlessTerminal terminal) => terminal.App.TopRunnable as UpdateBreachDialog;
}
