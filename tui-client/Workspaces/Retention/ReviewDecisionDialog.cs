using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using V1 = OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Tui.Workspaces.Retention;

/// <summary>
/// A review decision on one record (MoPI review, College of Policing APP "Information
/// management: retention, review and disposal"): retain it with a reason until a next review,
/// or dispose of it, which erases it on the server (asked again before it is sent).
/// </summary>
public sealed class ReviewDecisionDialog : FormDialog
{
    private readonly DueForReview _record;
    private readonly Purpose _purpose;
    private readonly WriteIntent _intent = new();

    public ReviewDecisionDialog(ClientContext context, DueForReview record, Purpose purpose)
        : base(context, $"Review · {record.Kind} · {record.PersonName}", "_Record decision", 84)
    {
        _record = record;
        _purpose = purpose;
        var what = new Label
        {
            X = 1, Y = 1, Width = Dim.Fill(1), Height = 3,
            Text = TextWrap.Wrap($"{record.Summary}, recorded {Dates.Iso(record.RecordedOn)}; MoPI group {record.MopiGroup}, due {Dates.Iso(record.DueOn)}." +
                                 (record.LastDecision.Length > 0 ? $" Last kept because: {record.LastDecision}" : ""), InnerWidth),
        };
        Outcome = new ChoiceList<bool>([("Retain until the next review", false),
            (record.WireKind == V1.RetainedRecordKind.Person ? "Dispose of the person (erase everything held about them now)" : "Dispose of it (erase it now)", true)]) { X = 1, Y = 4, Width = Dim.Fill(1), Height = 2 };
        var nextLabel = new Label { X = 1, Y = 7, Text = "_Next review:" };
        NextReview = new TextField { X = 15, Y = 7, Width = 12, Text = Dates.Iso(context.Today.AddYears(1)) };
        var reasonLabel = new Label { X = 1, Y = 9, Text = "Rea_son:" };
        Reason = new TextField { X = 15, Y = 9, Width = Dim.Fill(1) };
        Add(what, Outcome, nextLabel, NextReview, reasonLabel, Reason);
        AddProblemLine(Pos.Bottom(Reason) + 1);
        StartIn(Outcome);
    }

    public ChoiceList<bool> Outcome { get; }
    public TextField NextReview { get; }
    public TextField Reason { get; }
    public bool Disposed { get; private set; }

    /// <summary>What the confirmation says will go: for a whole person, everything the server listed.</summary>
    public static string ErasureWarning(DueForReview record) => record.WireKind == V1.RetainedRecordKind.Person
        ? $"Everything held about {record.PersonName} is erased on the server and cannot be brought back: {record.Summary}. " +
          "They will be gone from every search, briefing and list. The erasure, your name and your reason are kept in the audit log."
        : $"The {record.Kind} about {record.PersonName} is erased on the server and cannot be brought back. The erasure, your name and your reason are kept in the audit log.";

    protected override async Task<bool> SubmitCoreAsync()
    {
        var dispose = Outcome.Chosen;
        var reason = Reason.Text.Trim();
        if (reason.Length == 0)
        {
            ShowProblem("Give the reason for the decision: it is kept with the record's review.");
            return false;
        }
        DateOnly? next = null;
        if (!dispose)
        {
            if (!DateOnly.TryParseExact(NextReview.Text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) || on <= Context.Today)
            {
                ShowProblem("Give the next review as yyyy-mm-dd, after today.");
                return false;
            }
            next = on;
        }
        else if (!ConfirmDialog.Ask(Context.App, _record.WireKind == V1.RetainedRecordKind.Person ? $"Erase {_record.PersonName} entirely?" : "Erase this record?",
                     ErasureWarning(_record), "_Erase it"))
        {
            ShowProblem("Nothing was erased.");
            return false;
        }
        var requestId = _intent.IdFor((_record.RecordId, dispose, next, reason));
        var gateway = new RetentionGateway(Context.Connection);
        var done = await Calls.RunAsync(dispose ? "Erasing the record" : "Recording the decision", async ct =>
        {
            await gateway.DecideAsync(_record, next, reason, requestId, _purpose, ct);
            return true;
        });
        if (!done.Ok) return false;
        Disposed = dispose;
        return true;
    }
}
