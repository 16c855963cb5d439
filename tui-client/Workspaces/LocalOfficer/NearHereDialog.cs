using System.Globalization;
using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.LocalOfficer;

/// <summary>
/// "Here" (the map cursor, or the beat's centre): who with orders or registrations lives within
/// a radius, nearest first, and which exclusion zones cover this very spot now. Both are asked
/// at once when the dialog opens; Enter with a new radius asks again. Read for a briefing.
/// </summary>
public sealed class NearHereDialog : FormDialog
{
    public const double MaxRadiusMetres = 5000;  // the server's limit (SearchNearRequest)

    private readonly GeoPosition _here;
    private readonly Label _zonesLine;
    private readonly TextPanel _zones = new();

    public NearHereDialog(ClientContext context, GeoPosition here, string whereWords)
        : base(context, $"Near here · {whereWords}", "_Search", 110)
    {
        _here = here;
        var rows = Math.Max(24, context.App.Screen.Height > 0 ? context.App.Screen.Height : 40);
        var radiusLabel = new Label { X = 1, Y = 1, Text = "_Within:" };
        Radius = new TextField { X = 10, Y = 1, Width = 7, Text = "500" };
        var unit = new Label { X = 18, Y = 1, Text = $"metres of {here} (up to {MaxRadiusMetres:0})" };
        People = new RecordTable<BriefingPerson>(
        [
            new("Away", p => p.DistanceMetres is { } d ? Words.Distance(d) : "", 6, 8, RightAlign: true, Priority: Priority.Essential),
            new("Risk", p => p.Risk.Describe(), 9, 9, Colour: p => Theme.ForRisk(p.Risk), Priority: Priority.Essential),
            new("Name", p => p.Name, 14, 30, Priority: Priority.Essential),
            new("Orders", p => p.InCustody ? "IN CUSTODY" : string.Join(" ", p.Orders.Select(o => o.Type)), 8, 24, Priority: Priority.High),
            new("Home", p => p.Address?.ToString() ?? "", 16, 50),
        ], p => p.PersonId)
        { X = 1, Y = 3, Width = Dim.Fill(1), Height = Math.Max(5, rows / 2 - 4), EmptyText = "Searching…" };
        _zonesLine = new Label { X = 1, Y = Pos.Bottom(People) + 1, Width = Dim.Fill(1), Text = "Zones covering this spot now: looking…" };
        _zones.X = 1;
        _zones.Y = Pos.Bottom(_zonesLine);
        _zones.Width = Dim.Fill(1);
        _zones.Height = Math.Max(3, rows / 2 - 10);
        Add(radiusLabel, Radius, unit, People, _zonesLine, _zones);
        AddProblemLine(Pos.Bottom(_zones));
        StartIn(Radius);
        IsRunningChanged += (_, running) =>
        {
            if (running.Value) _ = SubmitAsync();
        };
    }

    /// <summary>Where "here" is.</summary>
    public GeoPosition Here => _here;

    public TextField Radius { get; }
    public RecordTable<BriefingPerson> People { get; }
    public IReadOnlyList<BriefingZone> ZonesHere { get; private set; } = [];
    public string ZonesText => _zones.AllText;
    public bool Searched { get; private set; }

    /// <summary>A question, not a record: Esc simply closes.</summary>
    protected override bool AsksBeforeDiscarding => false;

    protected override async Task<bool> SubmitCoreAsync()
    {
        if (!double.TryParse(Radius.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var radius) || radius <= 0 || radius > MaxRadiusMetres)
        {
            ShowProblem($"Give the distance in metres, from 1 to {MaxRadiusMetres:0}.");
            return false;
        }
        var near = Calls.RunAsync("Finding who lives near here", ct => Context.Gateways.Areas.NearAsync(_here, radius, Purpose.Briefing, ct));
        var zones = Calls.RunAsync("Finding the zones covering this spot", ct => Context.Gateways.Areas.ZonesAtAsync(_here, Purpose.Briefing, ct));
        var (people, zonesHere) = (await near, await zones);
        if (people.Ok)
        {
            People.EmptyText = $"Nobody with orders or registrations lives within {Words.Distance(radius)}.";
            People.SetRows(people.Value!.OrderBy(p => p.DistanceMetres ?? double.MaxValue).ToList());
        }
        if (zonesHere.Ok)
        {
            ZonesHere = zonesHere.Value!;
            _zonesLine.Text = ZonesHere.Count == 0
                ? "Zones covering this spot now: none."
                : $"Zones covering this spot now: {ZonesHere.Count} (anyone excluded from them must not be here):";
            _zones.SetLines(ZonesHere.Select(z =>
                $"• {z.PersonName}: {z.OrderType}, {(z.Shape.Name.Length > 0 ? z.Shape.Name + ", " : "")}{z.Shape.Describe()}, {z.Shape.When}{(z.InForceNow ? " · IN FORCE NOW" : "")}"));
        }
        Searched = people.Ok && zonesHere.Ok;
        if (Searched)
            Feedback.Info($"{Words.Count(People.Rows.Count, "person", "people")} within {Words.Distance(radius)} · {Words.Count(ZonesHere.Count, "zone")} here · Enter searches again, Esc closes");
        return false;  // the officer reads the answer here
    }
}
