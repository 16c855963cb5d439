using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Person;

/// <summary>
/// Moves an open breach on from its row: confirm it, record the action taken (warning, arrest,
/// charge), or close it as not a breach. A note says why; closing one as not a breach needs it.
/// </summary>
public sealed class UpdateBreachDialog : FormDialog
{
    private readonly BreachEntry _breach;
    private readonly Purpose _purpose;
    private readonly WriteIntent _intent = new();

    public UpdateBreachDialog(ClientContext context, BreachEntry breach, Purpose purpose)
        : base(context, $"Breach · {breach.PersonName}", "_Save", 90)
    {
        _breach = breach;
        _purpose = purpose;
        var facts = new Label
        {
            X = 1, Y = 1, Width = Dim.Fill(1), Height = 3,
            Text = TextWrap.Wrap($"{breach.Status} · {Dates.Time(breach.OccurredAt, context.Clock.LocalTimeZone)} · {breach.ConditionWording ?? "notification requirements"}" +
                                 $"{(breach.LocationText is { } where ? $" · at {where}" : "")}{(breach.Details is { } d ? $" · {d}" : "")}", InnerWidth),
        };
        var choices = Enum.GetValues<BreachDecision>().Where(d => d != BreachDecision.Confirm || breach.Status == "suspected").ToList();
        var decisionLabel = new Label { X = 1, Y = 5, Text = "_Decision:" };
        Decision = new RadioGroup { X = 12, Y = 5, Labels = choices.Select(c => c.Describe()).ToList(), Value = 0 };
        Choices = choices;
        var noteLabel = new Label { X = 1, Y = Pos.Bottom(Decision) + 1, Text = "_Note:" };
        Note = new NotesBox { X = 12, Y = Pos.Top(noteLabel), Width = Dim.Fill(1), Height = 3 };
        Add(facts, decisionLabel, Decision, noteLabel, Note);
        AddProblemLine(Pos.Bottom(Note) + 1);
        StartIn(Decision);
    }

    public RadioGroup Decision { get; }
    public IReadOnlyList<BreachDecision> Choices { get; }
    public NotesBox Note { get; }
    public string Summary { get; private set; } = "";

    protected override async Task<bool> SubmitCoreAsync()
    {
        var decision = Choices[Decision.Chosen];
        var note = Note.Text.Trim();
        if (decision == BreachDecision.NotABreach && note.Length == 0)
        {
            ShowProblem("Say why it was not a breach: closing it goes on the record.");
            return false;
        }
        var requestId = _intent.IdFor((_breach.Id, decision, note));
        var done = await Calls.RunAsync("Saving", ct => Context.Gateways.Compliance.UpdateBreachAsync(_breach, decision, note, requestId, _purpose, ct));
        if (!done.Ok) return false;
        Summary = $"Breach now {done.Value!.Status}{(done.Value.Action is { } action ? $": {action}" : "")}.";
        return true;
    }
}
