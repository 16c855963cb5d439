using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Admin;

/// <summary>What to look for on the audit trail: a record (a person's id), an account, days from and to.</summary>
public sealed class AuditFilterDialog : FormDialog
{
    public AuditFilterDialog(ClientContext context, AuditQuery current)
        : base(context, "Search the audit trail", "_Search", 80)
    {
        var recordLabel = new Label { X = 1, Y = 1, Text = "_Record id:" };
        Record = new TextField { X = 14, Y = 1, Width = Dim.Fill(1), Text = current.RecordId ?? "" };
        var recordHint = new Label { X = 14, Y = 2, Text = "a person's id (who looked at them), or any record's" };
        var subjectLabel = new Label { X = 1, Y = 4, Text = "A_ccount:" };
        Subject = new TextField { X = 14, Y = 4, Width = Dim.Fill(1), Text = current.Subject ?? "" };
        var subjectHint = new Label { X = 14, Y = 5, Text = "a username: what that account did" };
        var fromLabel = new Label { X = 1, Y = 7, Text = "_From:" };
        From = new TextField { X = 14, Y = 7, Width = 12, Text = Day(current.From) };
        var toLabel = new Label { X = 30, Y = 7, Text = "_To:" };
        To = new TextField { X = 35, Y = 7, Width = 12, Text = Day(current.To) };
        var dayHint = new Label { X = 14, Y = 8, Text = "yyyy-mm-dd, both days included; empty: no limit" };
        Add(recordLabel, Record, recordHint, subjectLabel, Subject, subjectHint, fromLabel, From, toLabel, To, dayHint);
        AddProblemLine(10);
        StartIn(Record);
    }

    public TextField Record { get; }
    public TextField Subject { get; }
    public TextField From { get; }
    public TextField To { get; }
    public AuditQuery? Query { get; private set; }

    /// <summary>A search, not a record: Esc simply closes.</summary>
    protected override bool AsksBeforeDiscarding => false;

    private string Day(DateTimeOffset? at) => at is { } a ? Context.Local(a).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    protected override Task<bool> SubmitCoreAsync()
    {
        if (!TryDay(From.Text, out var from) || !TryDay(To.Text, out var to))
        {
            ShowProblem("Write days as yyyy-mm-dd, e.g. 2026-11-30.");
            return Task.FromResult(false);
        }
        if (from is { } f && to is { } t && t < f)
        {
            ShowProblem("The last day is before the first.");
            return Task.FromResult(false);
        }
        var zone = Context.Clock.LocalTimeZone;
        DateTimeOffset? Start(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue))).ToUniversalTime() : null;
        Query = new AuditQuery(
            string.IsNullOrWhiteSpace(Record.Text) ? null : Record.Text.Trim(),
            string.IsNullOrWhiteSpace(Subject.Text) ? null : Subject.Text.Trim(),
            Start(from), to is { } last ? Start(last.AddDays(1)) : null);
        return Task.FromResult(true);
    }

    private static bool TryDay(string text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        day = d;
        return true;
    }
}
