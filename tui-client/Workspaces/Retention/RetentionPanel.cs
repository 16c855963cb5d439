using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Workspaces.Retention;

/// <summary>
/// Records due for review under MoPI, of the kind chosen on the left (every kind, or one:
/// sightings, checks, photos... or whole people); Enter decides (retain with a reason and a
/// next review, or dispose). Records of people under active management or a live order are
/// never listed: the server keeps them while that lasts.
/// </summary>
public sealed class RetentionPanel : View
{
    private readonly ClientContext _context;
    private readonly Calls _calls;
    private readonly StatusLine _status;
    private readonly RetentionGateway _gateway;
    private readonly Label _line = new() { X = 0, Y = 0, Width = Dim.Fill(), Text = "Loading records due for review…" };
    private int _loads;

    public RetentionPanel(ClientContext context, Calls calls, StatusLine status)
    {
        _context = context;
        _calls = calls;
        _status = status;
        _gateway = new RetentionGateway(context.Connection);
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        Kinds = new ChoiceList<V1.RetainedRecordKind>(
            [("Every kind", V1.RetainedRecordKind.Unspecified), .. RetentionGateway.Kinds.Select(k => (k.Value.Many, k.Key))])
        {
            X = 0, Y = 1, Width = 18, Height = Dim.Fill(),
        };
        Kinds.ValueChanged += (_, _) => _ = LoadAsync();
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
        { X = Pos.Right(Kinds) + 1, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), EmptyText = "Nothing is due for review." };
        Due.RecordChosen += (_, r) => Decide(r);
        Add(_line, Kinds, Due);
    }

    public ChoiceList<V1.RetainedRecordKind> Kinds { get; }
    public RecordTable<DueForReview> Due { get; }

    private Purpose Purpose => _context.Session.Role == UserRole.Admin ? Purpose.Audit : Purpose.Supervision;

    /// <summary>Loads the records due of the chosen kind (a later choice wins over an earlier one still loading).</summary>
    public async Task LoadAsync()
    {
        var kind = Kinds.Chosen;
        var load = ++_loads;
        var done = await _calls.RunAsync("Loading records due for review", ct => _gateway.DueAsync(kind, Purpose, ct));
        if (!done.Ok || load != _loads) return;
        Due.SetRows(done.Value!);
        var what = kind == V1.RetainedRecordKind.Unspecified ? "records" : RetentionGateway.Kinds[kind].Many.ToLowerInvariant();
        _line.Text = done.Value!.Count == 0 ? $"No {what} are due for review." : $"{done.Value!.Count} {what} due for review (MoPI). Enter decides: retain or dispose.";
    }

    public void Decide(DueForReview record)
    {
        using var dialog = new ReviewDecisionDialog(_context, record, Purpose);
        _context.App.Run(dialog);
        if (!dialog.Completed) return;
        var wholePerson = dialog.Disposed && record.WireKind == V1.RetainedRecordKind.Person;
        Due.SetRows(Due.Rows.Where(r => r.RecordId != record.RecordId && !(wholePerson && r.PersonId == record.PersonId)).ToList());
        if (wholePerson) _status.Success($"Everything held about {record.PersonName} was erased; the erasure is in the audit log.");
        else if (dialog.Disposed) _status.Success($"The {record.Kind} about {record.PersonName} was erased; the erasure is in the audit log.");
        else _status.Success($"The {record.Kind} about {record.PersonName} is kept until {dialog.NextReview.Text.Trim()}.");
    }
}
