using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Person;

/// <summary>
/// A person's record over the workspace: who they are, their managements, orders and
/// conditions, check history, breaches, contacts and sightings, with the actions an offender
/// manager takes (record a check outcome, record a breach, note a contact). Every call states
/// the purpose the record was opened with (a reason, when it is not the user's own case).
/// Esc closes it and returns to the list behind, where the user left it.
/// </summary>
public sealed class PersonWindow : Window
{
    private readonly ClientContext _context;
    private readonly string _personId;
    private readonly Label _details;
    private readonly Tabs _tabs;
    private readonly View[] _pages;
    private readonly TextPanel _managements = new();
    private readonly TextPanel _orders = new();
    private readonly RecordTable<CheckRow> _checks;
    private readonly RecordTable<BreachEntry> _breaches;
    private readonly RecordTable<ContactEntry> _contacts;
    private readonly RecordTable<SightingEntry> _sightings;
    private readonly TextPanel _notification = new();
    private readonly TextPanel _risk = new();

    public PersonWindow(ClientContext context, string personId, string name, Purpose purpose)
    {
        _context = context;
        _personId = personId;
        Purpose = purpose;
        Title = TitleFor(name);
        SetScheme(Theme.Base);

        _details = new Label { X = 0, Y = 0, Width = Dim.Fill(PhotoColumns + 1), Height = DetailRows, Text = $"Loading {name}…" };
        _details.FrameChanged += (_, _) => ArrangeDetails();
        Photo = new PhotoView { X = Pos.AnchorEnd(PhotoColumns), Y = 0, Width = PhotoColumns, Height = 6 };
        var today = context.Today;
        var zone = context.Clock.LocalTimeZone;
        _checks = new RecordTable<CheckRow>(
        [
            new("Due", c => Dates.Iso(c.DueOn), 10, 10, Priority: Priority.Essential),
            new("When", c => c.IsOpen ? Dates.Due(c.DueOn, today) : "", 12, 20, Colour: c => c.IsOverdue ? Theme.WarningCell : null, Priority: Priority.Essential),
            new("Check", c => c.Kind, 12, 36, Priority: Priority.Essential),
            new("Status", c => c.IsOpen ? "open" : c.Outcome ?? c.Status, 10, 30, Colour: c => c.Outcome == "Breach suspected" ? Theme.ErrorCell : null, Priority: Priority.Essential),
            new("Completed", c => Dates.Time(c.CompletedAt, zone), 16, 16, Priority: Priority.High),
            new("Officer", c => c.ResponsibleOfficerName ?? "", 12, 30),
            new("What", c => c.Description ?? "", 20, 40),
            new("Notes", c => c.Notes ?? "", 10, 80, Priority: Priority.Low),
        ], c => c.Id) { EmptyText = "No checks." };
        _checks.RecordChosen += (_, check) => RecordOutcome(check);
        _breaches = new RecordTable<BreachEntry>(
        [
            new("When", b => Dates.Time(b.OccurredAt, zone), 16, 16, Priority: Priority.Essential),
            new("Status", b => b.Action is null ? b.Status : $"{b.Status}: {b.Action}", 10, 40, Colour: b => b.IsOpen ? Theme.WarningCell : null, Priority: Priority.Essential),
            new("Found by", b => b.Source, 10, 30, Priority: Priority.Low),
            new("Condition", b => b.ConditionWording ?? "notification requirements", 20, 60, Priority: Priority.Essential),
            new("Where", b => b.LocationText ?? "", 12, 40, Priority: Priority.High),
            new("Details", b => b.Details ?? "", 10, 80, Priority: Priority.Low),
        ], b => b.Id) { EmptyText = "No breaches." };
        _breaches.RecordChosen += (_, breach) => UpdateBreach(breach);
        _contacts = new RecordTable<ContactEntry>(
        [
            new("When", c => Dates.Time(c.At, zone), 16, 16, Priority: Priority.Essential),
            new("Contact", c => c.Kind, 12, 36, Priority: Priority.Essential),
            new("By", c => c.RecordedBy ?? "", 8, 30, Priority: Priority.Low),
            new("Note", c => c.Text ?? "", 20, 80, Priority: Priority.High),
        ], c => c.Id) { EmptyText = "No contacts noted." };
        _sightings = new RecordTable<SightingEntry>(
        [
            new("Seen", s => Dates.Time(s.SeenAt, zone), 16, 16, Priority: Priority.Essential),
            new("Where", s => s.LocationText ?? s.Position?.ToString() ?? "", 14, 40, Priority: Priority.High),
            new("Beat", s => s.AreaName ?? "", 10, 30, Priority: Priority.Low),
            new("Verdict", s => s.Verdict.Describe(), 11, 14, Colour: s => s.Verdict == Verdict.Breach ? Theme.ErrorCell : null, Priority: Priority.Essential),
            new("By", s => s.ReportedBy ?? "", 8, 24, Priority: Priority.Low),
            new("What was seen", s => s.Text ?? s.VerdictSummary ?? "", 20, 80, Priority: Priority.High),
        ], s => s.Id) { EmptyText = "No sightings recorded." };

        _pages =
        [
            TabPage.Of("Managements", _managements),
            TabPage.Of("Orders & conditions", _orders),
            TabPage.Of("Checks", _checks),
            TabPage.Of("Breaches", _breaches),
            TabPage.Of("Contacts", _contacts),
            TabPage.Of("Sightings", _sightings),
            TabPage.Of("Notification", _notification),
            TabPage.Of("Risk & plan", _risk),
        ];
        _tabs = new Tabs { X = 0, Y = Pos.Bottom(_details), Width = Dim.Fill(), Height = Dim.Fill(Dim.Func(_ => (StatusLine?.Rows ?? 1) + 1)) };
        _tabs.Add(_pages);

        StatusLine = new StatusLine(context) { X = 0, Y = Pos.AnchorEnd(2) };
        Calls = new Calls(context, new StatusLineFeedback(StatusLine));
        // On a narrow bar F5 gives way first, then the rightmost; F1 lists every key (issue 20).
        var refresh = new Shortcut(Key.F5, "Refresh", () => _ = LoadAsync());
        var statusBar = _statusBar = new FittedStatusBar([
            new Shortcut(Key.Esc, "Back", Close),
            new Shortcut(Key.F7, "Check outcome", () => RecordOutcome(null)),
            new Shortcut(Key.F8, "Breach", RecordBreach),
            new Shortcut(Key.F9, "Contact", NoteContact),
            new Shortcut(Key.F4, "Notification", RecordNotification),
            new Shortcut(Key.F12, "Approve plan", ApprovePlan),
            refresh,
            new Shortcut(Key.F6, "Next tab", NextTab),
        ], refresh);
        statusBar.SetScheme(Theme.Bars);
        Add(_details, Photo, _tabs, StatusLine, statusBar);

        KeyDown += OnKey;
        IsRunningChanged += (_, running) =>
        {
            if (running.Value && Record is null && !Calls.IsBusy) _ = LoadAsync();
        };
    }

    /// <summary>Why this record is open; a reason given along the way replaces the standard purpose.</summary>
    public Purpose Purpose { get; private set; }

    public PersonRecord? Record { get; private set; }

    /// <summary>The person's current photo, top right (issue 18).</summary>
    public PhotoView Photo { get; }

    private const int PhotoColumns = 12;
    public StatusLine StatusLine { get; }
    public Calls Calls { get; }

    /// <summary>True once something was recorded here, so the list behind should be reloaded.</summary>
    public bool Changed { get; private set; }

    public RecordTable<CheckRow> ChecksTable => _checks;
    public RecordTable<BreachEntry> BreachesTable => _breaches;
    public string DetailsText => _details.Text;
    public string ManagementsText => _managements.AllText;
    public string OrdersText => _orders.AllText;
    public string NotificationText => _notification.AllText;
    public string RiskText => _risk.AllText;

    public void ShowTab(int index)
    {
        _tabs.Value = _pages[Math.Clamp(index, 0, _pages.Length - 1)];
        (_pages[Math.Clamp(index, 0, _pages.Length - 1)].SubViews.FirstOrDefault() ?? _tabs).SetFocus();
    }

    private void NextTab() => ShowTab((Array.IndexOf(_pages, _tabs.Value) + 1) % _pages.Length);

    private void OnKey(object? sender, Key key)
    {
        if (key == Key.Esc)
        {
            if (Calls.IsBusy) Calls.CancelAll();
            else Close();
            key.Handled = true;
        }
        else if (key == Key.F5)
        {
            _ = LoadAsync();
            key.Handled = true;
        }
        else if (key.IsAlt && key.NoAlt.KeyCode is >= Terminal.Gui.Drivers.KeyCode.D1 and <= Terminal.Gui.Drivers.KeyCode.D8)
        {
            ShowTab((int)(key.NoAlt.KeyCode - Terminal.Gui.Drivers.KeyCode.D1));
            key.Handled = true;
        }
        else if (key == Key.F1)
        {
            MessageBox.Query(App!, "Keys", KeysText, "_Close");
            key.Handled = true;
        }
        else if (_statusBar.TryInvokeHidden(key))
        {
            key.Handled = true;  // a shortcut the narrow bar does not show keeps its key
        }
    }

    /// <summary>What F1 shows: every key of the record, whether or not the bar has room for it.</summary>
    public string KeysText => "Esc back · F7 check outcome · F8 breach · F9 contact · F4 notification · F12 approve plan · F5 refresh · F6 next tab · Alt+1…8 a tab"
        + _statusBar.HiddenText;

    private readonly FittedStatusBar _statusBar;

    /// <summary>The bar of shortcuts at the bottom.</summary>
    public FittedStatusBar ShortcutBar => _statusBar;

    private void Close() => RequestStop();

    private string TitleFor(string name) => $"{name} · purpose: {Purpose.Description}";

    /// <summary>Loads the person (asking for a reason if the server wants one), then the rest in parallel.</summary>
    private async Task ShowPhotoAsync()
    {
        try
        {
            Photo.Placeholder = "photo…";
            await Photo.ShowAsync(_context, await _context.Gateways.Photos.CurrentPhotoIdAsync(_personId, Purpose, CancellationToken.None), Purpose);
        }
        catch (GatewayException)
        {
            Photo.Placeholder = "no photo";
        }
    }

    public async Task LoadAsync()
    {
        var person = await Calls.RunWithReasonAsync("Loading the record", Purpose,
            (purpose, ct) => _context.Gateways.People.GetAsync(_personId, purpose, ct));
        if (!person.Ok)
        {
            if (Record is null)
            {
                _details.Text = person.Error?.Failure == GatewayFailure.ReasonNeeded
                    ? "The record was not opened: a reason is needed. Press F5 to try again, or Esc to go back."
                    : $"The record could not be loaded: {person.Error?.Message}\nPress F5 to try again, or Esc to go back.";
            }
            return;
        }
        Purpose = person.PurposeUsed ?? Purpose;
        Title = TitleFor(person.Value!.Name);
        var record = new PersonRecord { Details = person.Value };
        ShowDetails(record.Details);
        _ = ShowPhotoAsync();

        var gateways = _context.Gateways;
        await Task.WhenAll(
            Part(record, "managements", ct => gateways.Caseload.ManagementsOfAsync(_personId, Purpose, ct), v => record.Managements = v),
            Part(record, "orders", ct => gateways.Orders.ForPersonAsync(_personId, Purpose, ct), v => record.Orders = v),
            Part(record, "checks", ct => gateways.Compliance.HistoryAsync(_personId, Purpose, ct), v => record.Checks = v),
            Part(record, "breaches", ct => gateways.Compliance.BreachesOfAsync(_personId, Purpose, ct), v => record.Breaches = v),
            Part(record, "contacts", ct => gateways.Caseload.ContactsOfAsync(_personId, Purpose, ct), v => record.Contacts = v),
            Part(record, "sightings", ct => gateways.Areas.SightingsOfAsync(_personId, Purpose, ct), v => record.Sightings = v),
            Part(record, "identification", ct => gateways.People.IdentifiersAsync(_personId, Purpose, ct), v => record.Identifiers = v),
            Part(record, "notification", ct => gateways.Notifications.StatusAsync(_personId, Purpose, ct), v => record.Notification = v),
            Part(record, "assessments", ct => gateways.Risk.AssessmentsAsync(_personId, Purpose, ct), v => record.Assessments = v));
        await Task.WhenAll(record.ActiveManagements.Select(m =>
            Part(record, $"{m.Scheme} plan", ct => gateways.Risk.PlanAsync(m.Id, Purpose, ct), v => record.Plans[m.Id] = v)));
        Record = record;
        ShowDetails(record.Details, record.Identifiers);
        ShowParts(record);
        if (record.Missing.Count > 0)
            StatusLine.Warning($"Not shown: {string.Join("; ", record.Missing.Select(m => $"{m.Key} ({m.Value})"))}");
    }

    private async Task Part<T>(PersonRecord record, string name, Func<CancellationToken, Task<T>> load, Action<T> keep)
    {
        var done = await Calls.TryAsync($"Loading {name}", load);
        if (done.Ok) keep(done.Value!);
        else record.Missing[name] = done.Error!.Message;
    }

    private void ShowDetails(PersonDetails p, IReadOnlyList<Identifying>? identifiers = null)
    {
        var age = p.AgeOn(_context.Today) is { } years ? $" (age {years})" : "";
        var lines = new List<string>
        {
            $"{p.Name}   born {Dates.Iso(p.DateOfBirth)}{age}   {p.Sex}   PNC {p.PncId ?? "none"}",
            $"Aliases: {(p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases))}",
            $"Address: {p.Address?.ToString() ?? "not known"}{(p.Address?.AreaName is { } area ? $"  (beat: {area})" : "")}",
            p.InCustody ? $"IN CUSTODY{(p.ExpectedRelease is { } release ? $", release expected {Dates.Iso(release)} ({Dates.Due(release, _context.Today)})" : "")}" : "In the community",
            $"Warnings: {(p.WarningMarkers.Count == 0 ? "none" : string.Join(", ", p.WarningMarkers).ToUpperInvariant())}",
            $"Description: {p.Description ?? "none recorded"}{(p.HealthNotes is { } health ? $"   Health: {health}" : "")}",
        };
        lines.AddRange(Common.IdentificationLines.For(identifiers ?? []));   // issue 18
        _detailLines = lines;
        ArrangeDetails();
    }

    private const int DetailRows = 8;
    private IReadOnlyList<string> _detailLines = [];

    /// <summary>
    /// The details in the label's width: each line whole, wrapped, while they fit its rows; else
    /// each line on one row, cut with an ellipsis. Fitted to 120 columns before, at 100x30 the
    /// lines wrapped on their own and the last ones (devices) fell off the label.
    /// </summary>
    private void ArrangeDetails()
    {
        if (_detailLines.Count == 0) return;
        var width = _details.Frame.Width > 0 ? _details.Frame.Width : 116 - PhotoColumns - 1;
        var wrapped = _detailLines.SelectMany(l => TextWrap.Lines(l, width)).ToList();
        var shown = wrapped.Count <= DetailRows ? wrapped : _detailLines.Select(l => TextWrap.Fit(l, width)).ToList();
        var text = string.Join("\n", shown);
        if (_details.Text != text) _details.Text = text;
    }

    private void ShowParts(PersonRecord record)
    {
        _managements.SetLines(record.Managements is { } managements
            ? managements.Count == 0 ? ["Not managed under any scheme."] : managements.SelectMany(DescribeManagement)
            : [$"Not available: {record.Missing.GetValueOrDefault("managements")}"]);
        _orders.SetLines(record.Orders is { } orders
            ? orders.Count == 0 ? ["No orders."] : orders.SelectMany(DescribeOrder)
            : [$"Not available: {record.Missing.GetValueOrDefault("orders")}"]);
        _checks.EmptyText = record.Checks is null ? $"Not available: {record.Missing.GetValueOrDefault("checks")}" : "No checks.";
        _checks.SetRows(record.Checks ?? []);
        _breaches.EmptyText = record.Breaches is null ? $"Not available: {record.Missing.GetValueOrDefault("breaches")}" : "No breaches.";
        _breaches.SetRows(record.Breaches ?? []);
        _contacts.EmptyText = record.Contacts is null ? $"Not available: {record.Missing.GetValueOrDefault("contacts")}" : "No contacts noted.";
        _contacts.SetRows(record.Contacts ?? []);
        _sightings.EmptyText = record.Sightings is null ? $"Not available: {record.Missing.GetValueOrDefault("sightings")}" : "No sightings recorded.";
        _sightings.SetRows(record.Sightings ?? []);
        _notification.SetLines(record.Notification is { } duty
            ? NotificationLines(duty)
            : [$"Not available: {record.Missing.GetValueOrDefault("notification")}"]);
        _risk.SetLines(RiskLines(record));
    }

    private IEnumerable<string> NotificationLines(NotificationDuty duty)
    {
        if (!duty.Subject)
        {
            yield return "Not subject to notification requirements.";
            yield break;
        }
        yield return $"{(duty.SexOffenderRegister ? "Sex offender register (Sexual Offences Act 2003, Part 2)" : "Notification requirements")} · since {Dates.Iso(duty.StartedOn)} · "
                     + (duty.Indefinite ? $"indefinite{(duty.ReviewOn is { } review ? $", review may be sought from {Dates.Iso(review)}" : "")}" : $"until {Dates.Iso(duty.EndsOn)}")
                     + (duty.SuspendedInCustody ? " · SUSPENDED while in custody" : "") + (duty.NoFixedAbode ? " · NO FIXED ABODE: weekly" : "");
        yield return duty.NextDueOn is { } next ? $"Next due: {Dates.Iso(next)} ({Dates.Due(next, _context.Today)}) · F4 records a notification" : "Nothing due · F4 records a notification";
        yield return "";
        foreach (var due in duty.Due)
            yield return $"{(due.Overdue ? "OVERDUE " : "")}{due.Kind} due {Dates.Iso(due.DueOn)} ({Dates.Due(due.DueOn, _context.Today)}): {due.Reason}";
        if (duty.Due.Count > 0) yield return "";
        // The duty in words, a sentence a line, with the law each part comes from (the basis says the same).
        foreach (var line in duty.Summary.Count > 0 ? duty.Summary : duty.Basis) yield return $"• {line}";
    }

    private static IEnumerable<string> RiskLines(PersonRecord record)
    {
        if (record.Assessments is not { } assessments) yield return $"Assessments not available: {record.Missing.GetValueOrDefault("assessments")}";
        else if (assessments.Count == 0) yield return "No risk assessments recorded.";
        else
        {
            yield return "Assessments, newest first:";
            foreach (var a in assessments.OrderByDescending(a => a.CompletedOn))
                yield return $"  {Dates.Iso(a.CompletedOn)} {a.Tool}: {a.Result}{(a.Assessor is { } who ? $" · by {who}" : "")} · review {Dates.Iso(a.NextReviewOn)}{(a.ReviewOverdue ? " OVERDUE" : "")}";
        }
        foreach (var m in record.ActiveManagements)
        {
            yield return "";
            if (record.Missing.TryGetValue($"{m.Scheme} plan", out var why))
            {
                yield return $"{m.Scheme} risk management plan: not available ({why})";
                continue;
            }
            if (record.Plans.GetValueOrDefault(m.Id) is not { } plan)
            {
                yield return $"{m.Scheme} risk management plan: none yet.";
                continue;
            }
            yield return $"{m.Scheme} risk management plan · {PlanStateWords(plan)} · review {Dates.Iso(plan.ReviewOn)} · written by {plan.CreatedBy ?? "?"}";
            foreach (var (pillar, text) in plan.Pillars) yield return $"  {pillar}: {text}";
            foreach (var a in plan.Actions)
                yield return $"  → [{a.Pillar}] {a.What} · {a.Owner ?? "no owner"} · due {Dates.Iso(a.DueOn)} · {a.Status}{(a.Overdue ? " OVERDUE" : "")}";
        }
    }

    private static string PlanStateWords(RiskPlanView plan) => plan.Status switch
    {
        PlanState.AwaitingApproval => "AWAITING APPROVAL (a supervisor approves it: F12)",
        PlanState.Approved => $"approved by {plan.ApprovedBy ?? "?"}{(plan.ApprovalNote is { } note ? $": {note}" : "")}",
        PlanState.Superseded => "superseded",
        _ => "status unknown",
    };

    private IEnumerable<string> DescribeManagement(ManagementView m)
    {
        var state = m.Active ? "active" : $"ended {Dates.Iso(m.EndedOn)}{(m.EndReason is { } why ? $" ({why})" : "")}";
        yield return $"{m.Scheme} ({state}) · risk {m.Risk.Describe()} · {m.Summary}";
        yield return $"  Responsible officer: {m.OfficerName ?? "none: in the team's orphaned queue"}{(m.TeamName is { } team ? $" · {team}" : "")}";
        yield return $"  Since {Dates.Iso(m.StartedOn)} · next review {Dates.Iso(m.NextReviewDue)} ({Dates.Due(m.NextReviewDue, _context.Today)})";
        foreach (var line in m.History) yield return $"    {line}";
        if (m.RiskAssessment is { } assessment) yield return $"  Risk assessment: {assessment}";
        yield return "";
    }

    private static IEnumerable<string> DescribeOrder(OrderView o)
    {
        yield return $"{o.TypeLongName} ({o.Headline})";
        yield return $"  Made {Dates.Iso(o.MadeOn)}{(o.Court is { } court ? $" at {court}" : "")} · served {(o.ServedAt is { } served ? served.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "not yet")} · lead officer {o.LeadOfficerName ?? "none (orphaned)"}";
        foreach (var c in o.Conditions)
            yield return $"  • {c.Kind}: {c.Wording}{(c.Detail.Length > 0 ? $" [{c.Detail}]" : "")}";
        yield return "";
    }

    private void RecordOutcome(CheckRow? chosen)
    {
        if (Record is not { } record) return;
        var open = record.OpenChecks;
        if (open.Count == 0)
        {
            StatusLine.Info("No open checks to record.");
            return;
        }
        // Enter on a row records that check; F7 starts at the most overdue one that can be
        // recorded today, wherever the cursor happens to be (issue 20, point 7).
        var check = chosen is { IsOpen: true } ? chosen
            : open.Where(c => c.CanRecordOn(_context.Today)).MinBy(c => c.DueOn ?? DateOnly.MaxValue) ?? open[0];
        using var dialog = new RecordOutcomeDialog(_context, record.Details.Name, open, check.Id, record.LiveOrders, Purpose, record.Details.InCustody);
        App!.Run(dialog);
        if (dialog.Completed) AfterChange(dialog.Summary);
    }

    private void RecordBreach()
    {
        if (Record is not { } record) return;
        using var dialog = new RecordBreachDialog(_context, record.Details.Id, record.Details.Name, record.LiveOrders, Purpose);
        App!.Run(dialog);
        if (dialog.Completed) AfterChange(dialog.Summary);
    }

    /// <summary>Enter on an open breach: confirm it, record the action taken, or close it as not a breach.</summary>
    private void UpdateBreach(BreachEntry breach)
    {
        if (!breach.IsOpen)
        {
            StatusLine.Info($"This breach is closed ({breach.Status}{(breach.Action is { } action ? $": {action}" : "")}).");
            return;
        }
        using var dialog = new UpdateBreachDialog(_context, breach, Purpose);
        App!.Run(dialog);
        if (dialog.Completed) AfterChange(dialog.Summary);
    }

    private void RecordNotification()
    {
        if (Record is not { } record) return;
        if (record.Notification is not { Subject: true } duty)
        {
            StatusLine.Info(record.Notification is null ? "The notification duty could not be loaded (F5 to try again)." : "This person is not subject to notification requirements.");
            return;
        }
        using var dialog = new RecordNotificationDialog(_context, record.Details.Id, record.Details.Name, duty, Purpose);
        App!.Run(dialog);
        if (dialog.Completed) AfterChange(dialog.Summary);
    }

    /// <summary>F12: a supervisor approves the plan awaiting approval (the server refuses their own, and other roles).</summary>
    private void ApprovePlan()
    {
        if (Record is not { } record) return;
        var waiting = record.Plans.Values.OfType<RiskPlanView>().Where(p => p.Status == PlanState.AwaitingApproval).ToList();
        if (waiting.Count == 0)
        {
            StatusLine.Info("No risk management plan is awaiting approval.");
            return;
        }
        var plan = waiting[0];
        if (!ConfirmDialog.Ask(_context.App, "Approve the plan?",
                $"Approve {record.Details.Name}'s risk management plan ({plan.Actions.Count} actions, review {Dates.Iso(plan.ReviewOn)}) as it stands?", "_Approve"))
            return;
        _ = ApproveAsync(plan);
    }

    private async Task ApproveAsync(RiskPlanView plan)
    {
        var done = await Calls.RunAsync("Approving the plan", ct => _context.Gateways.Risk.ApprovePlanAsync(plan, null, Purpose, ct));
        if (done.Ok) AfterChange("Risk management plan approved.");
    }

    private void NoteContact()
    {
        if (Record is not { } record) return;
        using var dialog = new NoteContactDialog(_context, record.Details.Id, record.Details.Name, record.ActiveManagements, Purpose);
        App!.Run(dialog);
        if (dialog.Completed) AfterChange(dialog.Summary);
    }

    private void AfterChange(string summary)
    {
        Changed = true;
        _ = ReloadThenSay(summary);
    }

    private async Task ReloadThenSay(string summary)
    {
        await LoadAsync();
        StatusLine.Success(summary);
    }

    /// <summary>
    /// Opens a person's record over the current screen. When the caller knows the person is
    /// not in the user's own work, the reason is asked for first, before anything is read.
    /// Returns true when something was recorded, so the screen behind can reload.
    /// </summary>
    public static bool Open(ClientContext context, string personId, string name, Purpose purpose, string? notOwnWork)
    {
        if (notOwnWork is not null)
        {
            var reason = ReasonDialog.Ask(context, notOwnWork);
            if (reason is null) return false;
            purpose = Purpose.Because(reason);
        }
        using var window = new PersonWindow(context, personId, name, purpose);
        context.App.Run(window);
        return window.Changed;
    }
}
