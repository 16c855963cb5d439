using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Person;

/// <summary>
/// Reports a breach seen or learned of outside a check: which order condition (or the
/// notification requirements), when, where and what happened. It starts as "suspected"; the
/// server raises a task for the lead officer.
/// </summary>
public sealed class RecordBreachDialog : FormDialog
{
    private readonly string _personId;
    private readonly Purpose _purpose;
    private readonly WriteIntent _intent = new();

    public RecordBreachDialog(ClientContext context, string personId, string personName, IReadOnlyList<OrderView> liveOrders, Purpose purpose)
        : base(context, $"Record a breach · {personName}", "_Save", 96)
    {
        _personId = personId;
        _purpose = purpose;
        var conditionLabel = new Label { X = 1, Y = 1, Text = "_Breach of:" };
        // Which condition was breached is the point of the form: each is as whole as the list's width allows.
        var listWidth = Math.Max(20, InnerWidth - 12);
        var choices = liveOrders.SelectMany(o => o.Conditions.Select(c =>
            (TextWrap.Fit($"{o.Type} · {c.Kind}: {c.Wording}", listWidth), ((string?)o.Id, (string?)c.Id)))).ToList();
        choices.Add(("Notification requirements (no order)", (null, null)));
        Condition = new ChoiceList<(string? OrderId, string? ConditionId)>(choices)
        {
            X = 13, Y = 1, Width = Dim.Fill(1), Height = Math.Clamp(choices.Count, 1, 6),
        };
        var whenLabel = new Label { X = 1, Y = Pos.Bottom(Condition) + 1, Text = "_When:" };
        When = new WhenField(context) { X = 13, Y = Pos.Top(whenLabel) };
        var whenHint = new Label { X = Pos.Right(When) + 1, Y = Pos.Top(whenLabel), Text = WhenField.Hint };
        var whereLabel = new Label { X = 1, Y = Pos.Bottom(whenLabel) + 1, Text = "Whe_re:" };
        Where = new TextField { X = 13, Y = Pos.Top(whereLabel), Width = Dim.Fill(1) };
        var detailsLabel = new Label { X = 1, Y = Pos.Bottom(whereLabel) + 1, Text = "_Details:" };
        Details = new NotesBox { X = 13, Y = Pos.Top(detailsLabel), Width = Dim.Fill(1), Height = 4 };
        Add(conditionLabel, Condition, whenLabel, When, whenHint, whereLabel, Where, detailsLabel, Details);
        AddProblemLine(Pos.Bottom(Details) + 1);
        StartIn(Condition);
    }

    public ChoiceList<(string? OrderId, string? ConditionId)> Condition { get; }
    public WhenField When { get; }
    public TextField Where { get; }
    public NotesBox Details { get; }
    public string Summary { get; private set; } = "";

    protected override async Task<bool> SubmitCoreAsync()
    {
        var (at, problem) = When.Read();
        if (problem is not null)
        {
            ShowProblem(problem);
            return false;
        }
        var occurred = at ?? Context.Now;
        // A breach goes before a court: where and what happened are the evidence (issue 20, point 7).
        if (string.IsNullOrWhiteSpace(Where.Text))
        {
            ShowProblem("Say where it happened (a place in words, e.g. \"Luton Airport, departures\").");
            return false;
        }
        if (string.IsNullOrWhiteSpace(Details.Text))
        {
            ShowProblem("Say what happened: the details are the record of the breach.");
            return false;
        }
        var (orderId, conditionId) = Condition.Chosen;
        var report = new BreachReport(_personId, orderId, conditionId, occurred, Where.Text, Details.Text);
        var requestId = _intent.IdFor(report);
        var done = await Calls.RunAsync("Saving", ct => Context.Gateways.Compliance.RecordBreachAsync(report, requestId, _purpose, ct));
        if (!done.Ok) return false;
        Summary = $"Breach recorded ({done.Value!.Status}){(done.Value.ConditionWording is { } wording ? $": {TextWrap.Fit(wording, 60)}" : "")}.";
        return true;
    }
}
