using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Person;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>Opening a record outside the user's own work asks for a reason, and the reason goes with every call.</summary>
[Collection(SharedDemoServer.Name)]
public sealed class ReasonPromptTests(DemoServerFactory server)
{
    [Fact]
    public async Task A_record_known_to_be_outside_the_users_work_asks_for_the_reason_before_reading_anything()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var someoneElse = await server.SomeoneElsesCase("demo.manager", skip: 2);
        // Terminal.Gui takes the thread that creates the application as its UI thread: create it after the awaits.
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);

        terminal
            .WhenShowing<ReasonDialog>(dialog =>
            {
                Assert.Contains("is not one of your cases", terminal.Screen(), StringComparison.Ordinal);
                terminal.Type("too short");
                terminal.Press(Key.Enter);
            })
            .WhenScreenShows("at least 10 characters", () =>
            {
                terminal.Press(Key.End);
                terminal.Type(": joint visit with probation");
                terminal.Press(Key.Enter);
            })
            .When("the record is loaded", () => terminal.App.TopRunnable is PersonWindow { Record: not null }, () =>
            {
                var window = (PersonWindow)terminal.App.TopRunnable!;
                Assert.True(window.Purpose.IsReason);
                Assert.Contains("purpose: reason: too short: joint visit with probation", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("PNC", window.DetailsText, StringComparison.Ordinal);
            })
            .Run(() => PersonWindow.Open(context, someoneElse, "the person", Purpose.CaseManagement, "The person is not one of your cases."),
                () => { });

        var touched = await AuditTrailRecords.TouchingAsync(server, someoneElse);
        var reads = touched.Where(e => e.Subject == "demo.manager").ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, e => Assert.Equal("reason: too short: joint visit with probation", e.Purpose));
    }

    [Fact]
    public async Task Backing_out_of_the_reason_reads_nothing()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var someoneElse = await server.SomeoneElsesCase("demo.manager", skip: 3);
        // Terminal.Gui takes the thread that creates the application as its UI thread: create it after the awaits.
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);
        var opened = true;

        terminal
            .WhenShowing<ReasonDialog>(_ => terminal.Press(Key.Esc))
            .Run(() => opened = PersonWindow.Open(context, someoneElse, "the person", Purpose.CaseManagement, "The person is not one of your cases."),
                () => { });

        Assert.False(opened);
        Assert.DoesNotContain(await AuditTrailRecords.TouchingAsync(server, someoneElse), e => e.Subject == "demo.manager");
    }

    [Fact]
    public async Task When_the_server_wants_a_reason_the_user_is_asked_and_the_record_opens_with_it()
    {
        using var client = new TestClient(server);
        await client.SignInAsync("demo.manager");
        var someoneElse = await server.SomeoneElsesCase("demo.manager", skip: 4);
        // Terminal.Gui takes the thread that creates the application as its UI thread: create it after the awaits.
        using var terminal = new HeadlessTerminal();
        var context = client.ContextFor(terminal.App);

        terminal
            .WhenShowing<ReasonDialog>(_ =>
            {
                Assert.Contains("A reason is needed: this person is not one of your cases", terminal.Screen(), StringComparison.Ordinal);
                terminal.Type("Covering the duty desk for DC Patel");
                terminal.Press(Key.Enter);
            })
            .When("the record is loaded with the reason", () => terminal.App.TopRunnable is PersonWindow { Record: not null }, () =>
            {
                var window = (PersonWindow)terminal.App.TopRunnable!;
                Assert.Equal("reason: Covering the duty desk for DC Patel", window.Purpose.Description);
                Assert.NotNull(window.Record!.Checks);
            })
            .Run(() => PersonWindow.Open(context, someoneElse, "the person", Purpose.CaseManagement, notOwnWork: null), () => { });

        Assert.Equal("reason: Covering the duty desk for DC Patel",
            await AuditTrail.LatestPurposeAsync(server, "demo.manager", "Compliance/ListHistory"));
    }
}
