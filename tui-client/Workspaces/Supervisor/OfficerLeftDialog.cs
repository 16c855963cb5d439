using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>
/// Records that an officer has left post: every case and order they hold moves to the team's
/// orphaned queue at once, each with a handover summary, so nothing is left in the name of
/// someone who is no longer there (the inspection's lost-responsibility finding).
/// </summary>
public sealed class OfficerLeftDialog : FormDialog
{
    private readonly OfficerWorkload _officer;
    private readonly WriteIntent _intent = new();

    public OfficerLeftDialog(ClientContext context, OfficerWorkload officer)
        : base(context, $"Officer left · {officer.OfficerName}", "_Move to the queue…", 84)
    {
        _officer = officer;
        var explanation = new Label
        {
            X = 1, Y = 1, Width = Dim.Fill(1), Height = 3,
            Text = TextWrap.Wrap($"{officer.OfficerName} holds {officer.Cases} cases and {officer.Orders} orders. " +
                                 "Moving them puts each one in the team's orphaned queue with a handover summary, for you to reallocate.", InnerWidth),
        };
        var leftLabel = new Label { X = 1, Y = 5, Text = "_Left on:" };
        LeftOn = new TextField { X = 12, Y = 5, Width = 12, Text = Dates.Iso(officer.LeftOn ?? context.Today) };
        var noteLabel = new Label { X = 1, Y = 7, Text = "_Note:" };
        Note = new TextField { X = 12, Y = 7, Width = Dim.Fill(1) };
        Add(explanation, leftLabel, LeftOn, noteLabel, Note);
        AddProblemLine(Pos.Bottom(Note) + 1);
        StartIn(Note);
    }

    public TextField LeftOn { get; }
    public TextField Note { get; }
    public IReadOnlyList<OrphanedCase> Moved { get; private set; } = [];

    protected override async Task<bool> SubmitCoreAsync()
    {
        if (!DateOnly.TryParseExact(LeftOn.Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var leftOn))
        {
            ShowProblem("Give the day they left as yyyy-mm-dd.");
            return false;
        }
        // Moving orphans every case at once: ask with the count, Cancel the default (issue 20, point 4).
        var count = _officer.Cases + _officer.Orders;
        if (!ConfirmDialog.Ask(Context.App, $"Move {count} items to the queue?",
                $"All {_officer.Cases} cases and {_officer.Orders} orders held by {_officer.OfficerName} go to the team's orphaned queue, " +
                $"with nobody responsible for them until you reallocate each one. Their leaving date is recorded as {Dates.Iso(leftOn)}.",
                $"_Move {count} items"))
        {
            ShowProblem("Nothing moved.");
            return false;
        }
        var note = Note.Text;
        var requestId = _intent.IdFor((_officer.OfficerId, leftOn, note));
        var done = await Calls.RunAsync("Moving their work to the queue",
            ct => Context.Gateways.Caseload.OfficerLeavesAsync(_officer.OfficerId, leftOn, note, requestId, Purpose.Supervision, ct));
        if (!done.Ok) return false;
        Moved = done.Value!;
        return true;
    }
}
