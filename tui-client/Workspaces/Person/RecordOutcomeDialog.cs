using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Person;

/// <summary>
/// Records what a compliance check found: which check, the outcome, notes, and with "breach
/// suspected" which condition was breached (the server then opens a suspected breach and a
/// task). The server plans the next check; the dialog says when it is due.
/// </summary>
public sealed class RecordOutcomeDialog : FormDialog
{
    private readonly IReadOnlyList<CheckRow> _checks;
    private readonly Purpose _purpose;
    private readonly WriteIntent _intent = new();
    private readonly bool _inCustody;

    public RecordOutcomeDialog(ClientContext context, string personName, IReadOnlyList<CheckRow> openChecks, string checkId,
        IReadOnlyList<OrderView> liveOrders, Purpose purpose, bool inCustody = false)
        : base(context, $"Record a check outcome · {personName}{(inCustody ? " · IN CUSTODY" : "")}", "_Save", 96)
    {
        _checks = openChecks;
        _purpose = purpose;
        _inCustody = inCustody;
        var today = context.Today;

        // A short terminal (100x30): fewer list rows and no blank lines between the fields.
        var gap = ShortScreen.Gap(context.App);
        var checkLabel = new Label { X = 1, Y = 1, Text = "C_heck:" };
        Check = new ChoiceList<CheckRow>(
            openChecks.Select(c => ($"{Dates.Iso(c.DueOn)}  {c.Kind,-18} {Dates.Due(c.DueOn, today),-14} {c.Description ?? ""}", c)),
            Math.Max(0, openChecks.ToList().FindIndex(c => c.Id == checkId)))
        {
            X = 12, Y = 1, Width = Dim.Fill(1), Height = Math.Clamp(openChecks.Count, 1, ShortScreen.ListRows(context.App, 5, 3)),
        };
        var outcomeLabel = new Label { X = 1, Y = Pos.Bottom(Check) + gap, Text = "_Outcome:" };
        Outcome = new RadioGroup
        {
            X = 12, Y = Pos.Top(outcomeLabel),
            Labels = Enum.GetValues<CheckResult>().Select(r => r.Describe()).ToList(),
            Value = 0,
        };
        var breachLabel = new Label { X = 1, Y = Pos.Bottom(Outcome) + gap, Text = "_Breach of:" };
        var conditions = new List<(string, (string? OrderId, string? ConditionId))> { ("the condition the check is for", (null, null)) };
        conditions.AddRange(liveOrders.SelectMany(o => o.Conditions.Select(c => ($"{o.Type} · {c.Kind}: {TextWrap.Fit(c.Wording, 50)}", ((string?)o.Id, (string?)c.Id)))));
        BreachOf = new ChoiceList<(string? OrderId, string? ConditionId)>(conditions)
        {
            X = 12, Y = Pos.Top(breachLabel), Width = Dim.Fill(1), Height = Math.Clamp(conditions.Count, 1, ShortScreen.ListRows(context.App, 4, 3)), Enabled = false,
        };
        Outcome.ValueChanged += (_, _) => BreachOf.Enabled = ChosenResult == CheckResult.BreachSuspected;
        var notesLabel = new Label { X = 1, Y = Pos.Bottom(BreachOf) + gap, Text = "_Notes:" };
        Notes = new NotesBox { X = 12, Y = Pos.Top(notesLabel), Width = Dim.Fill(1), Height = ShortScreen.ListRows(context.App, 4, 3) };
        // Issue 18: a device inspection names the phones found; an unregistered one opens a suspected breach.
        // After the notes, so Tab reaches the notes first at every other kind of check.
        var devicesLabel = new Label { X = 1, Y = Pos.Bottom(Notes) + gap, Text = "_Devices:" };
        DevicesFound = new TextField { X = 12, Y = Pos.Top(devicesLabel), Width = Dim.Fill(1) };
        var devicesHint = new Label { X = 12, Y = Pos.Bottom(DevicesFound), Text = "device inspection: phones found, e.g. 07700 900123; IMEI 490154203237518" };
        // Last: most outcomes are recorded as they happen.
        var whenLabel = new Label { X = 1, Y = Pos.Bottom(devicesHint) + gap, Text = "_When:" };
        When = new WhenField(context) { X = 12, Y = Pos.Top(whenLabel) };
        var whenHint = new Label { X = Pos.Right(When) + 1, Y = Pos.Top(whenLabel), Text = WhenField.Hint };
        Add(checkLabel, Check, outcomeLabel, Outcome, breachLabel, BreachOf, notesLabel, Notes, devicesLabel, DevicesFound, devicesHint, whenLabel, When, whenHint);
        AddProblemLine(Pos.Bottom(When) + gap);
        StartIn(Outcome);
    }

    public ChoiceList<CheckRow> Check { get; }
    public RadioGroup Outcome { get; }
    public ChoiceList<(string? OrderId, string? ConditionId)> BreachOf { get; }
    public NotesBox Notes { get; }
    public TextField DevicesFound { get; }
    public WhenField When { get; }

    /// <summary>What was recorded, in words, for the screen behind.</summary>
    public string Summary { get; private set; } = "";

    public CheckResult ChosenResult => Enum.GetValues<CheckResult>()[Math.Clamp(Outcome.Value ?? 0, 0, 3)];

    protected override async Task<bool> SubmitCoreAsync()
    {
        if (Check.Chosen is not { } check)
        {
            ShowProblem("There is no open check to record.");
            return false;
        }
        if (!check.CanRecordOn(Context.Today))
        {
            ShowProblem($"This check is not due yet: it can be recorded from {Dates.Iso(check.OpensOn)}.");
            return false;
        }
        var (at, problem) = When.Read();
        if (problem is not null)
        {
            ShowProblem(problem);
            return false;
        }
        var result = ChosenResult;
        // A home visit "completed" while the person is shown in custody is most likely the wrong
        // check or the wrong person: ask, with Cancel the default (issue 20, point 7).
        if (_inCustody && check.Kind == Wording.Of(Contracts.V1.CheckKind.HomeVisit) && result == CheckResult.Compliant
            && !ConfirmDialog.Ask(Context.App, "In custody",
                "The record shows this person IN CUSTODY, so a home visit would not find them at home. Record the visit as done anyway?", "_Record anyway"))
        {
            ShowProblem("Not recorded: check the person and the check, or choose another outcome (e.g. No access).");
            return false;
        }
        var (orderId, conditionId) = result == CheckResult.BreachSuspected ? BreachOf.Chosen : (null, null);
        var notes = Notes.Text;
        // The suspected breach this opens takes its details from the notes: a breach on record
        // must say what happened (issue 20, point 7), as the breach form asks.
        if (result == CheckResult.BreachSuspected && string.IsNullOrWhiteSpace(notes))
        {
            ShowProblem("Say what happened in Notes: the suspected breach is recorded with them.");
            return false;
        }
        var devices = FoundDevice.Parse(DevicesFound.Text);
        if (devices.Count > 0 && check.Kind != "Device inspection")
        {
            ShowProblem("Devices found are recorded at a device inspection; choose that check, or leave Devices empty.");
            return false;
        }
        var requestId = _intent.IdFor((check.Id, result, notes, orderId, conditionId, string.Join(";", devices), at));
        var done = await Calls.RunAsync("Saving", ct =>
            Context.Gateways.Compliance.RecordOutcomeAsync(check.Id, result, notes, orderId, conditionId, requestId, _purpose, ct, devices, at));
        if (!done.Ok) return false;
        var recorded = done.Value!;
        // The server may make it a suspected breach (an unregistered device found, issue 18): say what it recorded, breach first.
        Summary = $"{check.Kind} recorded: {recorded.Closed.Outcome ?? result.Describe()}."
                  + (recorded.Breach is not null ? " A suspected breach was opened." : "")
                  + (recorded.UnregisteredDevices > 0 ? $" {Words.Count(recorded.UnregisteredDevices, "unregistered device")} found and recorded." : "")
                  + (recorded.Next is { } next ? $" Next {next.Kind.ToLowerInvariant()} due {Dates.Iso(next.DueOn)}." : "");
        return true;
    }
}
