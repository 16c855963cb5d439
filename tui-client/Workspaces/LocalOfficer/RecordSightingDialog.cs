using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.LocalOfficer;

/// <summary>
/// Puts a sighting on record as intelligence: where (in words as well as the position), and
/// what the officer saw. The server checks it against the person's conditions as it arrives;
/// a breach opens a suspected breach and a task for the responsible officer.
/// </summary>
public sealed class RecordSightingDialog : FormDialog
{
    private readonly SightingQuery _query;
    private readonly WriteIntent _intent = new();

    public RecordSightingDialog(ClientContext context, SightingQuery query, string personName)
        : base(context, $"Record a sighting · {personName}", "_Record", 90)
    {
        _query = query;
        var at = new Label { X = 1, Y = 1, Text = $"Seen now at {query.Position}{(query.WithDescription is { } with ? $", with {with}" : "")}{(query.Registration is { } vehicle ? $", vehicle {vehicle}" : "")}." };
        var placeLabel = new Label { X = 1, Y = 3, Text = "_Place:" };
        Place = new TextField { X = 14, Y = 3, Width = Dim.Fill(1) };
        var placeHint = new Label { X = 14, Y = 4, Text = "in words, e.g. \"outside the bus station, Church Street\"" };
        var textLabel = new Label { X = 1, Y = 6, Text = "_What you saw:" };
        Intelligence = new NotesBox { X = 14, Y = 6, Width = Dim.Fill(1), Height = 5 };
        Add(at, placeLabel, Place, placeHint, textLabel, Intelligence);
        AddProblemLine(Pos.Bottom(Intelligence) + 1);
        StartIn(Place);
    }

    public TextField Place { get; }
    public NotesBox Intelligence { get; }
    public SightingRecorded? Recorded { get; private set; }
    public string Summary { get; private set; } = "";

    protected override async Task<bool> SubmitCoreAsync()
    {
        var text = Intelligence.Text.Trim();
        if (text.Length == 0)
        {
            ShowProblem("Say what you saw: it goes on record as intelligence.");
            return false;
        }
        var report = new SightingReport(_query.PersonId, _query.Position, string.IsNullOrWhiteSpace(Place.Text) ? null : Place.Text.Trim(), _query.WithDescription, text, _query.Registration);
        var requestId = _intent.IdFor(report);
        var done = await Calls.RunAsync("Recording the sighting", ct => Context.Gateways.Areas.RecordSightingAsync(report, null, requestId, ct));
        if (!done.Ok) return false;
        Recorded = done.Value!;
        Summary = Recorded.BreachIds.Count > 0
            ? $"Sighting recorded. {Words.Count(Recorded.BreachIds.Count, "suspected breach", "suspected breaches")} opened; the responsible officer has been given a task."
            : "Sighting recorded as intelligence.";
        return true;
    }
}
