using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Supervisor;

/// <summary>
/// Gives orphaned cases or orders, or cases moved off a serving officer's caseload, to an
/// officer: shows the handover summary, asks the server who could take them all (accredited, in
/// post, within capacity after the move, same area first) with each officer's load now and after,
/// and lets the supervisor pick one, with a reason and a note that go on the case's history.
/// Taking work off a serving officer asks first, with the count.
/// </summary>
public sealed class ReallocateDialog : FormDialog
{
    private readonly IReadOnlyList<OrphanedCase> _items;
    private readonly WriteIntent _intent = new();
    private readonly Label _suggestionsLabel;
    private IReadOnlyList<OwnerSuggestion> _suggestions = [];

    public ReallocateDialog(ClientContext context, IReadOnlyList<OrphanedCase> items)
        : base(context, items.Count == 1 ? $"Reallocate · {items[0].PersonName}" : $"Reallocate {QueueRows.CountOf(items)}", "_Reallocate", 100)
    {
        _items = items;
        var first = items[0];
        var what = items.Count == 1
            ? $"{first.PersonName}: {first.Description}, risk {first.Risk.Describe()}{(first.NeedsAccreditation ? " (needs an officer accredited for violent and sexual offenders)" : "")}"
            : string.Join("; ", items.Select(i => $"{i.PersonName} ({i.Description})"));
        var heading = new Label { X = 1, Y = 1, Width = Dim.Fill(1), Height = 2, Text = TextWrap.Wrap(what, InnerWidth) };
        var handover = new Label { X = 1, Y = 3, Width = Dim.Fill(1), Height = 3, Text = TextWrap.Wrap(HandoverText(first, context.Today), InnerWidth) };
        _suggestionsLabel = new Label { X = 1, Y = 6, Text = "_Give to:" };
        Suggestions = new ChoiceList<OwnerSuggestion>([("Asking the server who could take it…", null!)])
        {
            X = 1, Y = 7, Width = Dim.Fill(1), Height = 7,
        };
        // The highlighted officer's case in full: a list line is cut at the dialog's width.
        Detail = new Label { X = 1, Y = Pos.Bottom(Suggestions), Width = Dim.Fill(1), Height = 3, Text = "" };
        Suggestions.ValueChanged += (_, _) => ShowDetail();
        var reasonLabel = new Label { X = 1, Y = Pos.Bottom(Detail) + 1, Text = "Re_ason:" };
        var reasons = Enum.GetValues<ReallocationReason>();
        Reason = new ChoiceList<ReallocationReason>(reasons.Select(r => (r.Describe(), r)),
            Array.IndexOf(reasons, first.PreviousOfficerName is null || first.HeldBy is not null ? ReallocationReason.CaseloadAdjustment : ReallocationReason.OfficerLeft))
        {
            X = 10, Y = Pos.Top(reasonLabel), Width = 24, Height = 3,
        };
        var noteLabel = new Label { X = 36, Y = Pos.Top(reasonLabel), Text = "_Note:" };
        Note = new TextField { X = 43, Y = Pos.Top(reasonLabel), Width = Dim.Fill(1) };
        Add(heading, handover, _suggestionsLabel, Suggestions, Detail, reasonLabel, Reason, noteLabel, Note);
        AddProblemLine(Pos.Bottom(Reason) + 1);
        StartIn(Suggestions);
        IsRunningChanged += (_, running) =>
        {
            if (running.Value && _suggestions.Count == 0) _ = LoadSuggestionsAsync();
        };
    }

    public ChoiceList<OwnerSuggestion> Suggestions { get; }
    public ChoiceList<ReallocationReason> Reason { get; }

    /// <summary>The highlighted suggestion in full, under the list: the load now and after, and why (not).</summary>
    public Label Detail { get; }
    public TextField Note { get; }
    public IReadOnlyList<OwnerSuggestion> Offered => _suggestions;
    public string Summary { get; private set; } = "";
    public IReadOnlyList<OrphanedCase> Moved { get; private set; } = [];

    public static string HandoverText(OrphanedCase item, DateOnly today)
    {
        var h = item.Handover;
        if (item.HeldBy is { } holder)
            return $"Held by {holder}. {Words.Count(h.OverdueChecks, "overdue check")}" +
                   $"{(h.NextCheckKind is { } next ? $"; next {next.ToLowerInvariant()} due {Dates.Iso(h.NextCheckDue)} ({Dates.Due(h.NextCheckDue, today)})" : "")}; " +
                   $"{Words.Count(h.OpenBreaches, "open breach", "open breaches")}.{(h.PendingRelease is { } due ? $" Release expected {Dates.Iso(due)}." : "")}" +
                   " The orders they lead for the person move with the case.";
        var parts = new List<string>
        {
            $"Was with {item.PreviousOfficerName ?? "nobody"}{(item.OrphanedAt is { } at ? $", in the queue since {at:yyyy-MM-dd}" : "")}.",
            $"{Words.Count(h.OpenChecks, "open check")}{(h.NextCheckKind is { } kind ? $", next {kind.ToLowerInvariant()} due {Dates.Iso(h.NextCheckDue)} ({Dates.Due(h.NextCheckDue, today)})" : "")}; {h.OverdueChecks} overdue; {Words.Count(h.OpenBreaches, "open breach", "open breaches")}.",
        };
        if (h.PendingRelease is { } release) parts.Add($"Release expected {Dates.Iso(release)}.");
        parts.Add(h.LastContactOn is { } contact ? $"Last contact {Dates.Iso(contact)} ({h.LastContactKind ?? "contact"}, {Dates.Ago(contact, today)})." : "No contact recorded.");
        if (item.Companions.Count > 0) parts.Add($"With the case: {string.Join(", ", item.Companions.Select(c => c.Description))} (they move together).");
        if (h.Note is { } note) parts.Add($"Note: {note}.");
        return string.Join(" ", parts);
    }

    private async Task LoadSuggestionsAsync()
    {
        var done = await Calls.RunAsync("Finding officers who could take it",
            ct => Context.Gateways.Caseload.SuggestOwnersAsync(_items, Purpose.Supervision, ct));
        if (!done.Ok)
        {
            Suggestions.SetChoices([("No suggestions: " + done.Error!.Message, null!)]);
            return;
        }
        _suggestions = done.Value!;
        if (_suggestions.Count == 0)
        {
            Suggestions.SetChoices([("The server found nobody who could take it.", null!)]);
            return;
        }
        Suggestions.SetChoices(_suggestions.Select(s => (Describe(s), s)));
        ShowDetail();
        _suggestionsLabel.Text = $"_Give to ({_suggestions.Count(s => s.Eligible)} eligible, best first):";
    }

    /// <summary>
    /// One line per officer: the load after the move as a bar, now → after, then why not (or
    /// what speaks for them). The tick is the server's: nobody it would take over capacity gets one.
    /// </summary>
    public static string Describe(OwnerSuggestion s)
    {
        var why = s.Eligible
            ? string.Join(", ", new[] { s.Accredited ? "accredited" : "", s.SameArea ? "works this area" : "" }.Where(w => w.Length > 0))
            : WhyNot(s);
        var load = s.Eligible || s.UtilisationAfterPercent > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{UtilisationBar.Render(s.UtilisationAfterPercent, 10)} {s.UtilisationPercent,4:0}% → {s.UtilisationAfterPercent,4:0}%")
            : new string(' ', 25);
        return $"{(s.Eligible ? "✔" : "✖")} {TextWrap.Fit(s.OfficerName, 24),-24} {load}  {why}";
    }

    private void ShowDetail() =>
        Detail.Text = Suggestions.Chosen is { } chosen && _suggestions.Count > 0 ? TextWrap.Wrap(Explain(chosen), InnerWidth) : "";

    /// <summary>One suggestion in whole sentences: who, the load now and after the move, and why they are (not) eligible.</summary>
    public static string Explain(OwnerSuggestion s)
    {
        var who = s.TeamName is { Length: > 0 } team ? $"{s.OfficerName} ({team})" : s.OfficerName;
        var load = s.Eligible || s.UtilisationAfterPercent > 0
            ? string.Create(CultureInfo.InvariantCulture, $": {s.UtilisationPercent:0}% of capacity now, {s.UtilisationAfterPercent:0}% after the move")
            : "";
        var why = s.Eligible
            ? "Eligible" + (s.Accredited || s.SameArea
                ? ": " + string.Join(", ", new[] { s.Accredited ? "accredited" : "", s.SameArea ? "already works this area" : "" }.Where(w => w.Length > 0))
                : "")
            : $"Not eligible: {WhyNot(s)}";
        return $"{who}{load}. {why.TrimEnd('.')}.";
    }

    // The server's reason names the officer, who is already at the start of the line.
    private static string WhyNot(OwnerSuggestion s) => s.Why is { } reason
        ? (reason.StartsWith(s.OfficerName + " ", StringComparison.Ordinal) ? reason[(s.OfficerName.Length + 1)..] : reason)
        : "not eligible";

    protected override async Task<bool> SubmitCoreAsync()
    {
        if (Suggestions.Chosen is not { } officer)
        {
            ShowProblem("Choose an officer from the list (wait for the suggestions to load).");
            return false;
        }
        if (!officer.Eligible)
        {
            ShowProblem($"{officer.OfficerName} cannot take this: {officer.Why ?? "not eligible"}. Choose an eligible officer.");
            return false;
        }
        // Taking work off a serving officer's caseload asks first, with the count; Cancel the default.
        if (_items.FirstOrDefault(i => i.HeldBy is not null)?.HeldBy is { } holder &&
            !ConfirmDialog.Ask(Context.App, $"Move {QueueRows.CountOf(_items)} to {officer.OfficerName}?",
                $"{QueueRows.CountOf(_items)} held by {holder} go to {officer.OfficerName} ({officer.UtilisationPercent:0}% now, " +
                $"{officer.UtilisationAfterPercent:0}% after), with the orders {holder} leads for those people. The reason and note go on each case's history.",
                $"_Move {QueueRows.CountOf(_items)}"))
        {
            ShowProblem("Nothing moved.");
            return false;
        }
        var reason = Reason.Chosen;
        var note = Note.Text;
        var requestId = _intent.IdFor((officer.OfficerId, reason, note, string.Join(",", _items.Select(i => i.Id))));
        var done = await Calls.RunAsync("Reallocating", ct =>
            Context.Gateways.Caseload.ReallocateAsync(_items, officer.OfficerId, reason, note, requestId, Purpose.Supervision, ct));
        if (!done.Ok) return false;
        Moved = done.Value!.Items;
        Summary = Moved.Count == 1
            ? $"{Moved[0].PersonName} now with {officer.OfficerName}."
            : $"{QueueRows.CountOf(Moved)} now with {officer.OfficerName}.";
        return true;
    }
}
