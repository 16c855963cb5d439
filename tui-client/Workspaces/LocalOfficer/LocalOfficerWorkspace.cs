using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.LocalOfficer;

/// <summary>
/// The local officer's beat: pick it by name or code, then read the briefing (who lives here
/// with orders or registrations, highest risk first; who is kept out of it; the zones touching
/// it), see it on a map, check a sighting ("this person, here, now: a breach?") and record it,
/// with live alerts for the beat on the line at the bottom. Everything is read for a briefing
/// or a sighting check, and the server sends briefing fields only.
/// </summary>
public sealed class LocalOfficerWorkspace : WorkspaceWindow
{
    private const string Help = """
        F2 pick a beat (type part of its name, code or district)
        Alt+1 people living here · Alt+2 people excluded from here · Alt+3 exclusion zones
        ↑↓ in a list shows the person's orders, conditions and who to call below
        F6 to the map: arrows move the cursor (Shift: faster), Home centres, Enter checks a sighting there
        F7 check a sighting (here, or a typed location) · F8 record one · F12 the alerts received
        F9 near here: who lives within a distance of the map cursor, and which zones cover that spot
        F4 export the briefing to a file (CSV or GeoJSON)
        """;

    private readonly SummaryLine _beatLine;
    private readonly Tabs _tabs;
    private readonly View[] _pages;
    private readonly FrameView _mapFrame;
    private readonly TextPanel _detail = new();
    private readonly PhotoView _photo = new() { Width = 18 };
    private BeatBriefing? _briefing;
    private AreaRow? _beat;

    public LocalOfficerWorkspace(ClientContext context) : base(context, "Local officer", Help)
    {
        var today = context.Today;
        // At 100 columns a long beat name takes the line to a second row (the briefing's time was lost off its end).
        _beatLine = new SummaryLine("No beat picked: press F2 to pick your beat.");

        Residents = PeopleTable(today, "Nobody with orders or registrations lives in this beat.");
        Excluded = PeopleTable(today, "Nobody living elsewhere is excluded from this beat.");
        Zones = new RecordTable<ZoneRow>(
        [
            new("#", z => z.Number, 2, 3, Priority: Priority.Essential),
            new("Person", z => z.Zone.PersonName, 14, 30, Priority: Priority.Essential),
            new("Order", z => z.Zone.OrderType, 5, 12, Priority: Priority.High),
            new("Zone", z => z.Zone.Shape.Name.Length > 0 ? z.Zone.Shape.Name : z.Zone.Shape.Describe(), 12, 40, Priority: Priority.Essential),
            new("When", z => z.Zone.Shape.When, 12, 30),
            new("Now", z => z.Zone.InForceNow ? "IN FORCE" : "not now", 8, 8, Colour: z => z.Zone.InForceNow ? Theme.ErrorCell : null, Priority: Priority.Essential),
        ], z => z.Zone.ConditionId)
        { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), EmptyText = "No exclusion zones touch this beat." };
        Residents.SelectionChanged += (_, p) => ShowPerson(p);
        Excluded.SelectionChanged += (_, p) => ShowPerson(p);
        Zones.SelectionChanged += (_, z) => ShowZone(z);
        Residents.RecordChosen += (_, p) => CheckSighting(p.PersonId, Map!.Here);
        Excluded.RecordChosen += (_, p) => CheckSighting(p.PersonId, Map!.Here);

        _pages = [TabPage.Of("Living here", Residents), TabPage.Of("Excluded from here", Excluded), TabPage.Of("Zones", Zones)];
        _tabs = new Tabs { X = 0, Y = Pos.Bottom(_beatLine), Width = Dim.Percent(56), Height = Dim.Percent(62) };
        _tabs.Add(_pages);
        _tabs.ValueChanged += (_, _) => ShowSelectedOfTab();

        // The legend's glyphs are the map's: a shaded zone is in force now, an outline only is later.
        // It wraps to the map's width and the map gives it the rows it needs (at 100 columns it
        // was one row of three, its end lost under the frame).
        var legend = new Label { X = 0, Y = Pos.AnchorEnd(), Width = Dim.Fill(), Height = Dim.Auto(DimAutoStyle.Text), Text = LegendText };
        Legend = legend;
        Map = new BeatMap { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(Dim.Height(legend)) };
        _mapFrame = new FrameView { X = Pos.Right(_tabs), Y = Pos.Top(_tabs), Width = Dim.Fill(), Height = Dim.Height(_tabs), Title = "Map" };
        _mapFrame.Add(Map, legend);
        Map.CursorMoved += (_, here) => _mapFrame.Title = here is { } at ? $"Map · ┼ {at}" : "Map";
        Map.CheckHere += (_, here) => CheckSighting(SelectedPersonId, here);

        // The selected person's photo, left of what the briefing says of them (issue 18).
        _photo.Y = Pos.Bottom(_tabs);
        _photo.Height = Dim.Fill(1);
        _detail.X = Pos.Right(_photo) + 1;
        _detail.Y = Pos.Bottom(_tabs);
        _detail.Height = Dim.Fill(1);
        Alerts = new AlertLine(context) { X = 0, Y = Pos.AnchorEnd(1) };

        var content = new View { X = 0, Width = Dim.Fill(), CanFocus = true };
        content.Add(_beatLine, _tabs, _mapFrame, _photo, _detail, Alerts);
        Compose(
            [
                new MenuBarItem("_Beat",
                [
                    new MenuItem("_Pick a beat…", "", PickBeat, Key.F2),
                    new MenuItem("People _living here", "", () => ShowTab(0), Key.D1.WithAlt),
                    new MenuItem("People _excluded from here", "", () => ShowTab(1), Key.D2.WithAlt),
                    new MenuItem("_Zones", "", () => ShowTab(2), Key.D3.WithAlt),
                    new MenuItem("_Map", "Move the cursor to say where", () => Map.SetFocus(), Key.F6),
                    new MenuItem("_Alerts received…", "", ShowAlerts, Key.F12),
                    new MenuItem("_Near here…", "Who lives near the map cursor; zones covering it", NearHere, Key.F9),
                    new MenuItem("E_xport the briefing…", "A CSV or GeoJSON file of this beat's briefing", Export, Key.F4),
                ]),
                new MenuBarItem("_Sighting",
                [
                    new MenuItem("_Check a sighting…", "Is this person here now a breach?", () => CheckSighting(SelectedPersonId, Map.Here), Key.F7),
                    new MenuItem("_Record a sighting…", "Put it on record as intelligence", RecordSighting, Key.F8),
                ]),
            ],
            content,
            [
                new Shortcut(Key.F2, "Beat", PickBeat),
                new Shortcut(Key.F6, "Map", () => Map.SetFocus()),
                new Shortcut(Key.F7, "Check sighting", () => CheckSighting(SelectedPersonId, Map.Here)),
                new Shortcut(Key.F8, "Record", RecordSighting),
                new Shortcut(Key.F9, "Near here", NearHere),
                new Shortcut(Key.F4, "Export", Export),
                new Shortcut(Key.F12, "Alerts", ShowAlerts),
            ]);
        KeyDown += (_, key) =>
        {
            if (!key.IsAlt || key.NoAlt.KeyCode is < Terminal.Gui.Drivers.KeyCode.D1 or > Terminal.Gui.Drivers.KeyCode.D3) return;
            ShowTab((int)(key.NoAlt.KeyCode - Terminal.Gui.Drivers.KeyCode.D1));
            key.Handled = true;
        };
        Residents.SetFocus();
        IsRunningChanged += (_, running) =>
        {
            // The officer's first job is their beat: ask for it at once.
            if (running.Value && _beat is null) App!.AddTimeout(TimeSpan.Zero, () => { PickBeat(); return false; });
        };
    }

    public RecordTable<BriefingPerson> Residents { get; }
    public RecordTable<BriefingPerson> Excluded { get; }
    public RecordTable<ZoneRow> Zones { get; }

    /// <summary>What the map's glyphs mean, drawn as the map draws them (a shaded zone is in force, an outline only is later).</summary>
    public const string LegendText = "⢕ red zone in force  ⠉⠑ yellow: later  A zone  1 lives here  1 magenta: excluded  ⠤ beat  ┼ you";

    /// <summary>The line under the map saying what its glyphs and labels mean.</summary>
    public Label Legend { get; private set; } = null!;
    public BeatMap Map { get; }
    public AlertLine Alerts { get; }
    public BeatBriefing? Briefing => _briefing;
    public string DetailText => _detail.AllText;
    public PhotoView Photo => _photo;
    public string BeatLine => _beatLine.Text;

    /// <summary>The person selected in whichever list is showing.</summary>
    public BriefingPerson? SelectedPerson => _tabs.Value == _pages[1] ? Excluded.Selected : _tabs.Value == _pages[0] ? Residents.Selected : null;

    /// <summary>Whom a sighting check starts with: the selected person, or on the Zones tab the selected zone's.</summary>
    public string? SelectedPersonId => _tabs.Value == _pages[2] ? Zones.Selected?.Zone.PersonId : SelectedPerson?.PersonId;

    private RecordTable<BriefingPerson> PeopleTable(DateOnly today, string empty) => new(
    [
        new("#", p => Marker(p), 2, 3, Priority: Priority.Essential),
        new("Risk", p => p.Risk.Describe(), 9, 9, Colour: p => Theme.ForRisk(p.Risk), Priority: Priority.Essential),
        new("Name", p => p.Name, 14, 30, Priority: Priority.Essential),
        new("Age", p => p.AgeOn(today)?.ToString(CultureInfo.InvariantCulture) ?? "", 3, 3, RightAlign: true, Priority: Priority.Low),
        new("Orders", p => p.InCustody ? "IN CUSTODY" : string.Join(" ", p.Orders.Select(o => o.Enforceable ? o.Type : $"{o.Type}?")), 8, 24, Priority: Priority.Essential),
        new("Warnings", p => string.Join(",", p.WarningMarkers), 8, 30, Colour: p => p.WarningMarkers.Count > 0 ? Theme.WarningCell : null, Priority: Priority.High),
    ], p => p.PersonId)
    { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), EmptyText = empty };

    public void ShowTab(int index)
    {
        _tabs.Value = _pages[index];
        ((View)(index switch { 0 => Residents, 1 => Excluded, _ => Zones })).SetFocus();
    }

    /// <summary>The mark for a resident on the map: their row number (1-9, then letters).</summary>
    private string Marker(BriefingPerson p) => MarkerFor(p) is { } c ? c.ToString() : "";

    private char? MarkerFor(BriefingPerson p)
    {
        if (_briefing is null) return null;
        var index = _briefing.Residents.ToList().FindIndex(r => r.PersonId == p.PersonId);
        if (index < 0)
        {
            // People excluded from the beat are numbered after those living here: one label each.
            var excluded = _briefing.Excluded.ToList().FindIndex(r => r.PersonId == p.PersonId);
            if (excluded < 0) return null;
            index = _briefing.Residents.Count + excluded;
        }
        return MapLabels.Person(index);
    }

    public override async Task RefreshAsync()
    {
        if (_beat is { } beat) await LoadBriefingAsync(beat);
    }

    public void PickBeat()
    {
        var username = Context.Session.Username;
        var picked = BeatPickerDialog.Pick(Context, _beat?.Code ?? Context.Settings.LastBeat(username));
        if (picked is null)
        {
            if (_beat is null) StatusLine.Info("No beat picked: press F2 to pick one.");
            return;
        }
        Context.Settings.RememberBeat(username, picked.Code);
        _beat = picked;
        Alerts.Follow(picked.Code);
        _ = LoadBriefingAsync(picked);
    }

    /// <summary>Shows a beat without the picker (tests, and a beat given on the command line).</summary>
    public Task ShowBeatAsync(AreaRow beat)
    {
        _beat = beat;
        Alerts.Follow(beat.Code);
        return LoadBriefingAsync(beat);
    }

    private async Task LoadBriefingAsync(AreaRow beat)
    {
        _beatLine.Text = $"Beat: {beat.Name} ({beat.Code}), {beat.District} · loading the briefing…";
        var done = await Calls.RunAsync($"Loading the briefing for {beat.Name}", ct => Context.Gateways.Areas.BriefingAsync(beat.Code, ct));
        if (!done.Ok)
        {
            _beatLine.Text = $"Beat: {beat.Name} ({beat.Code}), {beat.District} · the briefing could not be loaded (F5 to try again)";
            await ShowOutlineOnlyAsync(beat);
            return;
        }
        var briefing = _briefing = done.Value!;
        var zonesNow = briefing.Zones.Count(z => z.InForceNow);
        var at = briefing.GeneratedAt is { } generated ? Context.Local(generated).ToString("HH:mm", CultureInfo.InvariantCulture) : "";
        _beatLine.Text = $"Beat: {briefing.Area.Name} ({briefing.Area.Code}), {briefing.Area.District} · {briefing.Residents.Count} living here · {briefing.Excluded.Count} excluded · {briefing.Zones.Count} zones ({zonesNow} in force now) · briefing at {at}";
        Residents.SetRows(briefing.Residents);
        Excluded.SetRows(briefing.Excluded);
        Zones.SetRows(briefing.Zones.Select((z, i) => new ZoneRow(z, MapLabels.Zone(i).ToString())).ToList());
        Map.Show(briefing.Outline,
            briefing.Residents.Where(r => r.Address?.Location is not null)
                .Select(r => new MapHome(r.PersonId, r.Address!.Location!.Value, MarkerFor(r) ?? '•'))
                .Concat(briefing.Excluded.Where(r => r.Address?.Location is not null)
                    .Select(r => new MapHome(r.PersonId, r.Address!.Location!.Value, MarkerFor(r) ?? '•', Excluded: true))).ToList(),
            briefing.Zones.Select((z, i) => new MapZone(z.Shape, z.InForceNow, MapLabels.Zone(i))).ToList());
        ShowSelectedOfTab();
    }

    /// <summary>Without a briefing the map can still show where the beat is.</summary>
    private async Task ShowOutlineOnlyAsync(AreaRow beat)
    {
        var outline = await Calls.TryAsync("Loading the beat's outline", ct => Context.Gateways.Areas.OutlineAsync(beat.Code, ct));
        if (outline.Ok) Map.Show(outline.Value, [], []);
    }

    private void ShowSelectedOfTab()
    {
        if (_tabs.Value == _pages[2]) ShowZone(Zones.Selected);
        else ShowPerson(SelectedPerson);
    }

    private void ShowPerson(BriefingPerson? p)
    {
        Map.Highlight(p?.PersonId);
        if (_photo.PhotoId != p?.PhotoId || p is null) _ = _photo.ShowAsync(Context, p?.PhotoId, Purpose.Briefing);
        if (p is null)
        {
            _detail.SetLines([]);
            return;
        }
        var lines = new List<string>
        {
            $"{p.Name}{(p.Aliases.Count > 0 ? $" (also {string.Join(", ", p.Aliases)})" : "")} · born {Dates.Iso(p.DateOfBirth)} · risk {p.Risk.Describe()} · {(p.LivesHere ? "lives here" : "lives elsewhere, excluded from here")}",
            $"Looks like: {p.Description ?? "no description"}{(p.WarningMarkers.Count > 0 ? $"   WARNINGS: {string.Join(", ", p.WarningMarkers).ToUpperInvariant()}" : "")}",
            $"Home: {p.Address?.ToString() ?? "not known"}{(p.InCustody ? $" · IN CUSTODY{(p.ExpectedRelease is { } release ? $", release expected {Dates.Iso(release)}" : "")}" : "")}",
            $"Managed: {(p.Schemes.Count == 0 ? "no scheme" : string.Join("; ", p.Schemes))}",
        };
        // Issue 18: marks and vehicles, to recognise them (beside the photo, when there is one).
        lines.AddRange(IdentificationLines.For(p.MarksAndVehicles));
        // What to do and whom to call come straight after who they are: an officer reading this
        // at a door must not have to scroll for them (issue 20, point 1).
        var safety = new List<string>();
        if (p.WhatToDo is { } todo) safety.Add($"If seen: {todo}");
        safety.Add($"Who to call: {p.ResponsibleOfficer?.ToString() ?? "the force control room"}");
        lines.InsertRange(1, safety);
        foreach (var order in p.Orders)
        {
            lines.Add($"{order.TypeLongName}: {order.Status}{(order.Enforceable ? "" : " (NOT enforceable yet)")}{(order.EndsOn is { } ends ? $", until {Dates.Iso(ends)}" : "")}");
            lines.AddRange(order.Conditions.Select(c => $"  • {c.Kind}: {c.Wording}"));
        }
        _detail.SetLines(lines);
    }

    private void ShowZone(ZoneRow? row)
    {
        Map.Highlight(row?.Zone.PersonId);
        _ = _photo.ShowAsync(Context, null, Purpose.Briefing);
        if (row is not { Zone: var z })
        {
            _detail.SetLines([]);
            return;
        }
        _detail.SetLines(
        [
            $"Zone {row.Number}: {(z.Shape.Name.Length > 0 ? z.Shape.Name : "unnamed")} · {z.OrderType} of {z.PersonName} · {(z.InForceNow ? "IN FORCE NOW" : "not in force now")}",
            $"Where: {z.Shape.Describe()} · when: {z.Shape.When}",
            z.PersonLivesHere ? "The person lives in this beat." : "The person lives elsewhere.",
        ]);
    }

    private void CheckSighting(string? personId, GeoPosition? here) => CheckSighting(personId, here, recordAfterCheck: false);

    private void CheckSighting(string? personId, GeoPosition? here, bool recordAfterCheck)
    {
        var people = (_briefing?.Residents ?? []).Concat(_briefing?.Excluded ?? []).ToList();
        using var dialog = new CheckSightingDialog(Context, people, personId, here, recordAfterCheck);
        App!.Run(dialog);
        if (dialog.RecordedSummary is { } summary) StatusLine.Success(summary);
        else if (dialog.Verdict is { } verdict) StatusLine.Info($"Last check: {verdict.Verdict.Describe()}: {Words.WithoutHeadline(verdict.Summary)}");
    }

    private void RecordSighting()
    {
        // Recording starts from a check, so the officer sees the verdict before it goes on record:
        // one Enter checks, and the recording form follows at once.
        CheckSighting(SelectedPersonId, Map.Here, recordAfterCheck: true);
    }

    /// <summary>Where "here" is: the map cursor, else the beat's centre; null before a beat is shown.</summary>
    private (GeoPosition At, string Words)? HereOrCentre() =>
        Map.Here is { } here ? (here, "the map cursor")
        : _briefing?.Outline?.Centroid is { } centre ? (centre, $"the centre of {_briefing.Area.Name}")
        : null;

    public void NearHere()
    {
        if (HereOrCentre() is not { } here)
        {
            StatusLine.Info("Pick a beat first (F2): near here starts from the map cursor.");
            return;
        }
        using var dialog = new NearHereDialog(Context, here.At, here.Words);
        App!.Run(dialog);
    }

    public void Export()
    {
        if (_beat is not { } beat)
        {
            StatusLine.Info("Pick a beat first (F2), then export its briefing.");
            return;
        }
        using var dialog = new ExportBriefingDialog(Context, beat);
        App!.Run(dialog);
        if (dialog.WrittenPath is { } path) StatusLine.Success($"Briefing saved to {path} (readable by you only).");
    }

    private void ShowAlerts()
    {
        var lines = Alerts.Received.Count == 0
            ? "No alerts for this beat since you picked it."
            : string.Join("\n", Alerts.Received.Take(20).Select(a =>
                $"{(a.At is { } at ? Context.Local(at).ToString("HH:mm", CultureInfo.InvariantCulture) : "")}  {a.Kind}: {a.Summary}"));
        MessageBox.Query(App!, "Alerts received", lines, "_Close");
    }

    protected override void OnEscape()
    {
        if (Map.HasFocus) ShowTab(Array.IndexOf(_pages, _tabs.Value));
        else Residents.SetFocus();
    }
}

/// <summary>A zone in the zones list, with the number it has on the map legend.</summary>
public sealed record ZoneRow(BriefingZone Zone, string Number);
