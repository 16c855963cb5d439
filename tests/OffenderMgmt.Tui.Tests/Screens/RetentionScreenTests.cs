using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Testing;
using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Retention;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>
/// Review and disposal (issue 19; MoPI review, College of Policing APP "Information management:
/// retention, review and disposal"): a sighting made seven years ago about a person no longer
/// managed is due (group 3, six years), and the administrator disposes of it.
/// </summary>
[Collection(WritingDemoServer.Name)]
public sealed class RetentionScreenTests(DemoServerFactory server)
{
    private async Task<(string Person, Guid Sighting)> OldSightingAsync(string family)
    {
        var people = new People.PeopleClient(await server.As("demo.manager"));
        var person = await people.CreatePersonAsync(new CreatePersonRequest
        {
            Person = new PersonInput { Name = new PersonName { GivenName = "Review", FamilyName = family }, DateOfBirth = "1979-05-05", Sex = Sex.Female },
        });
        var sighting = Guid.CreateVersion7();
        await server.WithDb(async db =>
        {
            db.Sightings.Add(new OffenderMgmt.Server.Sightings.Sighting
            {
                Id = sighting, PersonId = Guid.Parse(person.Id), SeenAt = server.Clock.GetUtcNow().AddYears(-7), Latitude = 51.88, Longitude = -0.42,
                Location = "by the old market", Text = "seen buying cigarettes", ReportedBy = "test", Verdict = OffenderMgmt.Server.Sightings.SightingVerdict.NoBreach,
                RecordedAt = server.Clock.GetUtcNow().AddYears(-7),
            });
            await db.SaveChangesAsync();
        });
        return (person.Id, sighting);
    }

    [Theory]
    [InlineData(120, 40, "Oldmarket")]
    [InlineData(100, 30, "Oldstation")]
    public async Task An_administrator_disposes_of_a_record_due_for_review_after_confirming_and_it_is_erased(int columns, int rows, string family)
    {
        var (_, sighting) = await OldSightingAsync(family);
        using var client = new TestClient(server);
        await client.SignInAsync("demo.admin");
        using var terminal = new HeadlessTerminal(columns, rows);
        using var workspace = new RetentionWindow(client.ContextFor(terminal.App));

        terminal
            .When("the due records are listed", () => !workspace.Calls.IsBusy && workspace.Panel.Due.Rows.Any(r => r.RecordId == sighting.ToString()), () =>
            {
                Assert.Contains($"Review {family}", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("group 3", terminal.Screen(), StringComparison.Ordinal);
                Assert.True(workspace.Panel.Due.Select(sighting.ToString()));
                terminal.Press(Key.Enter);
            })
            .WhenShowing<ReviewDecisionDialog>(dialog =>
            {
                Assert.Contains("by the old market", terminal.Screen(), StringComparison.Ordinal);
                dialog.Outcome.Choose(1);
                dialog.Reason.Text = "no policing purpose remains";
                _ = dialog.SubmitAsync();
            })
            .WhenShowing<ConfirmDialog>(confirm =>
            {
                Assert.Contains("cannot be brought back", confirm.Message, StringComparison.Ordinal);
                Assert.True(confirm.SafeButton.HasFocus);
                terminal.Press(Key.E.WithAlt);
            })
            .When("the record is erased", () => workspace.StatusLine.Message.Contains("was erased", StringComparison.Ordinal), () =>
                Assert.DoesNotContain(workspace.Panel.Due.Rows, r => r.RecordId == sighting.ToString()))
            .Run(workspace);

        Assert.False(await server.WithDb(db => db.Sightings.AnyAsync(s => s.Id == sighting)));
    }

    [Fact]
    public async Task Retaining_needs_a_reason_and_a_next_review_after_today()
    {
        var (_, sighting) = await OldSightingAsync("Keepme");
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        var next = today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var client = new TestClient(server);
        await client.SignInAsync("demo.supervisor");
        using var terminal = new HeadlessTerminal(100, 30);
        using var window = new RetentionWindow(client.ContextFor(terminal.App));

        terminal
            .When("the due records are listed", () => !window.Calls.IsBusy && window.Panel.Due.Select(sighting.ToString()), () => terminal.Press(Key.Enter))
            .When("the dialog is up", () => terminal.App.TopRunnable is ReviewDecisionDialog, () =>
            {
                var dialog = (ReviewDecisionDialog)terminal.App.TopRunnable!;
                _ = dialog.SubmitAsync();
            })
            .When("a reason is asked for", () => terminal.App.TopRunnable is ReviewDecisionDialog { ProblemText.Length: > 0 } d && d.ProblemText.Contains("reason", StringComparison.Ordinal), () =>
            {
                var dialog = (ReviewDecisionDialog)terminal.App.TopRunnable!;
                dialog.Reason.Text = "linked to an open investigation";
                dialog.NextReview.Text = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                _ = dialog.SubmitAsync();
            })
            .When("a later date is asked for", () => terminal.App.TopRunnable is ReviewDecisionDialog { ProblemText.Length: > 0 } d && d.ProblemText.Contains("after today", StringComparison.Ordinal), () =>
            {
                var dialog = (ReviewDecisionDialog)terminal.App.TopRunnable!;
                dialog.NextReview.Text = next;
                _ = dialog.SubmitAsync();
            })
            .When("it is kept", () => window.StatusLine.Message.Contains($"kept until {next}", StringComparison.Ordinal), () => { })
            .Run(window);

        Assert.True(await server.WithDb(db => db.Sightings.AnyAsync(s => s.Id == sighting)));
        Assert.True(await server.WithDb(db => db.RetentionReviews.AnyAsync(r => r.RecordId == sighting && r.NextReviewOn == today.AddYears(1))));
    }

    [Fact]
    public async Task Disposing_of_a_whole_person_is_asked_again_naming_what_goes_with_cancel_the_default()
    {
        var (person, _) = await OldSightingAsync("Wholeperson");
        await server.WithDb(async db =>
        {
            var row = await db.People.SingleAsync(p => p.Id == Guid.Parse(person));
            row.UpdatedAt = server.Clock.GetUtcNow().AddYears(-7);   // untouched for seven years: due (MoPI group 3, six years)
            await db.SaveChangesAsync();
        });
        using var client = new TestClient(server);
        await client.SignInAsync("demo.supervisor");
        using var terminal = new HeadlessTerminal(120, 40);
        using var window = new RetentionWindow(client.ContextFor(terminal.App));

        terminal
            .When("the due records are listed", () => !window.Calls.IsBusy && window.Panel.Due.Rows.Count > 0, () =>
                window.Panel.Kinds.Choose(window.Panel.Kinds.Labels.ToList().IndexOf("Whole people")))
            .When("only whole people are listed", () => !window.Calls.IsBusy && window.Panel.Due.Rows.Count > 0
                                                      && window.Panel.Due.Rows.All(r => r.WireKind == RetainedRecordKind.Person) && window.Panel.Due.Select(person), () =>
            {
                Assert.Contains("whole people due for review", terminal.Screen(), StringComparison.Ordinal);
                terminal.Press(Key.Enter);
            })
            .WhenShowing<ReviewDecisionDialog>(dialog =>
            {
                dialog.Outcome.Choose(1);
                dialog.Reason.Text = "no policing purpose remains";
                _ = dialog.SubmitAsync();
            })
            .WhenShowing<ConfirmDialog>(confirm =>
            {
                Assert.Contains("Erase Review Wholeperson entirely?", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("1 sighting", confirm.Message, StringComparison.Ordinal);
                Assert.Contains("date of birth", confirm.Message, StringComparison.Ordinal);
                Assert.True(confirm.SafeButton.HasFocus);
                terminal.Press(Key.Enter);   // the safe default: nothing is erased
            })
            .When("nothing was erased", () => terminal.App.TopRunnable is ReviewDecisionDialog { ProblemText: "Nothing was erased." }, () =>
                _ = ((ReviewDecisionDialog)terminal.App.TopRunnable!).SubmitAsync())
            .WhenShowing<ConfirmDialog>(_ => terminal.Press(Key.E.WithAlt))
            .When("the person is erased", () => window.StatusLine.Message.Contains("was erased", StringComparison.Ordinal), () =>
                Assert.DoesNotContain(window.Panel.Due.Rows, r => r.PersonId == person))
            .Run(window);

        Assert.False(await server.WithDb(db => db.People.AnyAsync(p => p.Id == Guid.Parse(person))));
        Assert.False(await server.WithDb(db => db.Sightings.AnyAsync(s => s.PersonId == Guid.Parse(person))));
    }
}
