using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui.Map;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace OffenderMgmt.Tui.Workspaces.LocalOfficer;

/// <summary>
/// The beat drawn in braille: its outline, the exclusion zones touching it (red when in force
/// now, yellow when not), the homes of the people in the briefing as their row numbers, and a
/// cursor the officer moves with the arrow keys to say "here" for a sighting check (Enter).
/// </summary>
public sealed class BeatMap : View
{
    private const int OutlineLayer = 1;
    private const int ZoneLaterLayer = 2;
    private const int ZoneNowLayer = 3;
    private const int HomeLayer = 4;
    private const int SelectedLayer = 5;
    private const int CursorLayer = 6;

    private static readonly Attribute Paper = new(Color.White, Color.Black);
    private static readonly Dictionary<int, Attribute> Ink = new()
    {
        [0] = Paper,
        [OutlineLayer] = new Attribute(Color.White, Color.Black),
        [ZoneLaterLayer] = new Attribute(Color.Yellow, Color.Black),
        [ZoneNowLayer] = new Attribute(Color.BrightRed, Color.Black),
        [HomeLayer] = new Attribute(Color.BrightCyan, Color.Black),
        [SelectedLayer] = new Attribute(Color.Black, Color.BrightCyan),
        [CursorLayer] = new Attribute(Color.Black, Color.BrightYellow),
    };

    private BeatOutline? _outline;
    private IReadOnlyList<MapHome> _homes = [];
    private IReadOnlyList<MapZone> _zones = [];
    private int _cursorColumn;
    private int _cursorRow;
    private bool _cursorPlaced;

    public BeatMap()
    {
        CanFocus = true;
        KeyDown += (_, key) =>
        {
            var (dx, dy) = key.KeyCode switch
            {
                Terminal.Gui.Drivers.KeyCode.CursorLeft => (-1, 0),
                Terminal.Gui.Drivers.KeyCode.CursorRight => (1, 0),
                Terminal.Gui.Drivers.KeyCode.CursorUp => (0, -1),
                Terminal.Gui.Drivers.KeyCode.CursorDown => (0, 1),
                _ => (0, 0),
            };
            if ((dx, dy) != (0, 0))
            {
                var step = key.IsShift ? 5 : 1;
                MoveCursor(dx * step, dy * step);
                key.Handled = true;
            }
            else if (key == Key.Home)
            {
                _cursorPlaced = false;
                SetNeedsDraw();
                CursorMoved?.Invoke(this, Here);
                key.Handled = true;
            }
            else if (key == Key.Enter)
            {
                if (Here is { } here) CheckHere?.Invoke(this, here);
                key.Handled = true;
            }
        };
    }

    /// <summary>Enter on the map: check a sighting at the cursor.</summary>
    public event EventHandler<GeoPosition>? CheckHere;

    public event EventHandler<GeoPosition?>? CursorMoved;

    /// <summary>The place under the cursor ("here"), or null when there is no beat on the map.</summary>
    public GeoPosition? Here => Projection() is { } projection ? projection.FromDots(CursorColumn * 2 + 1, CursorRow * 4 + 2) : null;

    private int CursorColumn => _cursorPlaced ? _cursorColumn : Math.Max(0, Viewport.Width / 2);
    private int CursorRow => _cursorPlaced ? _cursorRow : Math.Max(0, Viewport.Height / 2);

    public void Show(BeatOutline? outline, IReadOnlyList<MapHome> homes, IReadOnlyList<MapZone> zones)
    {
        var newBeat = outline?.Code != _outline?.Code;
        _outline = outline;
        _homes = homes;
        _zones = zones;
        if (newBeat) _cursorPlaced = false;
        SetNeedsDraw();
        CursorMoved?.Invoke(this, Here);
    }

    /// <summary>Highlights one home (the selected row); null clears it.</summary>
    public void Highlight(string? personId)
    {
        _homes = _homes.Select(h => h with { Selected = h.PersonId == personId }).ToList();
        SetNeedsDraw();
    }

    public void MoveCursor(int columns, int rows)
    {
        _cursorColumn = Math.Clamp(CursorColumn + columns, 0, Math.Max(0, Viewport.Width - 1));
        _cursorRow = Math.Clamp(CursorRow + rows, 0, Math.Max(0, Viewport.Height - 1));
        _cursorPlaced = true;
        SetNeedsDraw();
        CursorMoved?.Invoke(this, Here);
    }

    private MapProjection? Projection()
    {
        if (_outline?.Extent is not { } extent || Viewport.Width < 2 || Viewport.Height < 2) return null;
        return new MapProjection(extent.SouthWest, extent.NorthEast, Viewport.Width * 2, Viewport.Height * 4);
    }

    /// <summary>The map as text at a size (what <see cref="OnDrawingContent"/> draws), for tests.</summary>
    public BrailleCanvas Render(int columns, int rows)
    {
        var canvas = new BrailleCanvas(columns, rows);
        if (_outline?.Extent is not { } extent) return canvas;
        var projection = new MapProjection(extent.SouthWest, extent.NorthEast, canvas.WidthDots, canvas.HeightDots);
        foreach (var zone in _zones.OrderBy(z => z.InForceNow))
        {
            var layer = zone.InForceNow ? ZoneNowLayer : ZoneLaterLayer;
            if (zone.Shape.Centre is { } centre)
            {
                var (x, y) = projection.ToDots(centre);
                canvas.Circle(x, y, Math.Max(1, zone.Shape.RadiusMetres / projection.MetresPerDot), layer);
            }
            else if (zone.Shape.Ring.Count > 2)
            {
                canvas.Polygon(zone.Shape.Ring.Select(projection.ToDots).ToList(), layer);
            }
        }
        foreach (var ring in _outline.Rings) canvas.Polygon(ring.Select(projection.ToDots).ToList(), OutlineLayer);
        foreach (var home in _homes.OrderBy(h => h.Selected))
        {
            var (x, y) = projection.ToDots(home.Position);
            canvas.Mark(x, y, home.Marker, home.Selected ? SelectedLayer : HomeLayer);
        }
        return canvas;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        SetAttribute(Paper);
        for (var row = 0; row < Viewport.Height; row++) AddStr(0, row, new string(' ', Viewport.Width));
        if (_outline?.Extent is null)
        {
            AddStr(1, 1, _outline is null ? "Pick a beat (F2) to see its map." : "The server sent no boundary for this beat.");
            return true;
        }
        var canvas = Render(Viewport.Width, Viewport.Height);
        for (var row = 0; row < canvas.Rows; row++)
        {
            var column = 0;
            while (column < canvas.Columns)
            {
                var layer = canvas.LayerAt(column, row);
                var start = column;
                while (column < canvas.Columns && canvas.LayerAt(column, row) == layer) column++;
                SetAttribute(Ink[layer]);
                AddStr(start, row, string.Concat(Enumerable.Range(start, column - start).Select(c => canvas.CharAt(c, row))));
            }
        }
        SetAttribute(HasFocus ? Ink[CursorLayer] : Ink[HomeLayer]);
        AddStr(CursorColumn, CursorRow, "┼");
        return true;
    }
}

/// <summary>A home on the map: whose, where, the row number shown for it, and whether it is the selected row.</summary>
public sealed record MapHome(string PersonId, GeoPosition Position, char Marker, bool Selected = false);

/// <summary>A zone on the map, and whether it applies right now.</summary>
public sealed record MapZone(ZoneShape Shape, bool InForceNow);
