using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>
/// Records what the weekly IOM review meeting decided about one person: the decision, the
/// actions agreed (one per line: what; partner agency; owner; due date), and whether to
/// propose taking them off the cohort.
/// </summary>
public sealed class IomDecisionDialog : FormDialog
{
    private readonly IomAgendaItem _item;
    private readonly DateOnly _meetingOn;
    private readonly WriteIntent _intent = new();
    private readonly Purpose _purpose;

    public IomDecisionDialog(ClientContext context, IomAgendaItem item, DateOnly meetingOn, Purpose? purpose = null)
        : base(context, $"IOM review {Dates.Iso(meetingOn)} · {item.PersonName}", "_Save", 100)
    {
        _item = item;
        _purpose = purpose ?? Purpose.Supervision;
        _meetingOn = meetingOn;
        var facts = new Label
        {
            X = 1, Y = 1, Width = Dim.Fill(1), Height = 3,
            Text = TextWrap.Wrap($"On the agenda for: {string.Join(", ", item.Reasons)}. {string.Join(" ", item.Details)}", InnerWidth),
        };
        var decisionLabel = new Label { X = 1, Y = 5, Text = "_Decision:" };
        Decision = new NotesBox { X = 12, Y = 5, Width = Dim.Fill(1), Height = 3, Text = item.Decision ?? "" };
        var actionsLabel = new Label { X = 1, Y = Pos.Bottom(Decision) + 1, Text = "_Actions:" };
        var hint = new Label { X = 12, Y = Pos.Top(actionsLabel), Text = "one per line: what; partner agency; owner; due yyyy-mm-dd" };
        Actions = new NotesBox
        {
            X = 12, Y = Pos.Bottom(hint), Width = Dim.Fill(1), Height = 4,
            Text = string.Join("\n", item.Actions.Select(a => string.Join("; ", a.Action, a.PartnerAgency ?? "", a.Owner ?? "", Dates.Iso(a.DueOn)).TrimEnd(';', ' '))),
        };
        Deselect = new CheckBox { X = 12, Y = Pos.Bottom(Actions) + 1, Text = "_Propose deselection from the cohort", Value = item.ProposeDeselection ? CheckState.Checked : CheckState.UnChecked };
        Add(facts, decisionLabel, Decision, actionsLabel, hint, Actions, Deselect);
        AddProblemLine(Pos.Bottom(Deselect) + 1);
        StartIn(Decision);
    }

    public NotesBox Decision { get; }
    public NotesBox Actions { get; }
    public CheckBox Deselect { get; }
    public IomAgendaItem? Saved { get; private set; }

    /// <summary>Reads "what; agency; owner; yyyy-mm-dd" lines; the problem with the first bad line, if any.</summary>
    public static (IReadOnlyList<IomActionItem> Actions, string? Problem) ParseActions(string text)
    {
        var actions = new List<IomActionItem>();
        var lines = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(';').Select(p => p.Trim()).ToArray();
            if (parts[0].Length == 0) return ([], $"Action line {i + 1} says nothing to do.");
            DateOnly? due = null;
            if (parts.Length > 3 && parts[3].Length > 0)
            {
                // The hint reads "due yyyy-mm-dd", so "due 2026-12-10" is what people type.
                var dueText = parts[3].StartsWith("due ", StringComparison.OrdinalIgnoreCase) ? parts[3][4..].Trim() : parts[3];
                if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return ([], $"Action line {i + 1}: the due date '{parts[3]}' should be yyyy-mm-dd.");
                due = date;
            }
            actions.Add(new IomActionItem(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null,
                parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null, due));
        }
        return (actions, null);
    }

    protected override async Task<bool> SubmitCoreAsync()
    {
        var decision = Decision.Text.Trim();
        if (decision.Length == 0)
        {
            ShowProblem("Write what the meeting decided.");
            return false;
        }
        var (actions, problem) = ParseActions(Actions.Text);
        if (problem is not null)
        {
            ShowProblem(problem);
            return false;
        }
        var request = new IomDecision(_item.ManagementId, _meetingOn, decision, actions, Deselect.Value == CheckState.Checked);
        var requestId = _intent.IdFor((request.ManagementId, request.Decision, string.Join("|", actions), request.ProposeDeselection));
        var done = await Calls.RunAsync("Saving the decision", ct => Context.Gateways.Caseload.RecordIomDecisionAsync(request, requestId, _purpose, ct));
        if (!done.Ok) return false;
        Saved = done.Value;
        return true;
    }
}
