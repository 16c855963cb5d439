using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Retention;

/// <summary>
/// Records due for review under MoPI: oldest due first; Enter decides (retain with a reason
/// and a next review, or dispose). Records of people under active management or a live order
/// are never listed: the server keeps them while that lasts.
/// </summary>
public sealed class RetentionPanel : View
{
    private readonly ClientContext _context;
    private readonly Calls _calls;
    private readonly StatusLine _status;
    private readonly RetentionGateway _gateway;
    private readonly Label _line = new() { X = 0, Y = 0, Width = Dim.Fill(), Text = "Loading records due for review…" };

    public RetentionPanel(ClientContext context, Calls calls, StatusLine status)
    {
        _context = context;
        _calls = calls;
        _status = status;
        _gateway = new RetentionGateway(context.Connection);
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        Due = new RecordTable<DueForReview>(
        [
            new("Due", r => Dates.Iso(r.DueOn), 10, 10, Priority: Priority.Essential),
            new("Record", r => r.Kind, 8, 16, Priority: Priority.Essential),
            new("Person", r => r.PersonName, 14, 30, Priority: Priority.Essential),
            new("Recorded", r => Dates.Iso(r.RecordedOn), 10, 10, Priority: Priority.Low),
            new("MoPI", r => $"group {r.MopiGroup}", 7, 7),
            new("What", r => r.Summary, 16, 50, Priority: Priority.High),
            new("Last kept because", r => r.LastDecision, 10, 40),
        ], r => r.RecordId)
        { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), EmptyText = "Nothing is due for review." };
        Due.RecordChosen += (_, r) => Decide(r);
        Add(_line, Due);
    }

    public RecordTable<DueForReview> Due { get; }

    private Purpose Purpose => _context.Session.Role == UserRole.Admin ? Purpose.Audit : Purpose.Supervision;

    public async Task LoadAsync()
    {
        var done = await _calls.RunAsync("Loading records due for review", ct => _gateway.DueAsync(Purpose, ct));
        if (!done.Ok) return;
        Due.SetRows(done.Value!);
        _line.Text = done.Value!.Count == 0 ? "Nothing is due for review." : $"{done.Value!.Count} records due for review (MoPI). Enter decides: retain or dispose.";
    }

    public void Decide(DueForReview record)
    {
        using var dialog = new ReviewDecisionDialog(_context, record, Purpose);
        _context.App.Run(dialog);
        if (!dialog.Completed) return;
        Due.SetRows(Due.Rows.Where(r => r.RecordId != record.RecordId).ToList());
        if (dialog.Disposed) _status.Success($"The {record.Kind} about {record.PersonName} was erased; the erasure is in the audit log.");
        else _status.Success($"The {record.Kind} about {record.PersonName} is kept until {dialog.NextReview.Text.Trim()}.");
    }
}
