using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui.Map;
using OffenderMgmt.Tui.Workspaces.LocalOfficer;

namespace OffenderMgmt.Tui.Tests.Unit;

public sealed class MapDrawingTests
{
    [Fact]
    public void A_braille_cell_holds_two_by_four_dots()
    {
        var canvas = new BrailleCanvas(2, 1);
        canvas.Plot(0, 0, 1);
        canvas.Plot(1, 3, 1);
        canvas.Plot(2, 1, 1);

        Assert.Equal("\u2881\u2802", canvas.RowText(0));
    }

    [Fact]
    public void A_line_joins_its_ends_and_a_mark_replaces_the_dots_in_its_cell()
    {
        var canvas = new BrailleCanvas(4, 2);
        canvas.Line(0, 0, 7, 7, 1);
        canvas.Mark(4, 4, '3', 4);

        Assert.NotEqual(' ', canvas.CharAt(0, 0));
        Assert.Equal('3', canvas.CharAt(2, 1));
        Assert.Equal(4, canvas.LayerAt(2, 1));
        Assert.Equal(' ', canvas.CharAt(3, 0));
    }

    [Fact]
    public void The_projection_keeps_north_up_and_round_trips()
    {
        var projection = new MapProjection(new GeoPosition(51.87, -0.44), new GeoPosition(51.89, -0.40), 100, 80);
        var (wx, _) = projection.ToDots(new GeoPosition(51.88, -0.44));
        var (ex, _) = projection.ToDots(new GeoPosition(51.88, -0.40));
        var (_, ny) = projection.ToDots(new GeoPosition(51.89, -0.42));
        var (_, sy) = projection.ToDots(new GeoPosition(51.87, -0.42));
        var back = projection.FromDots(40, 30);
        var (x, y) = projection.ToDots(back);

        Assert.True(wx < ex);
        Assert.True(ny < sy);
        Assert.Equal(40, x, 6);
        Assert.Equal(30, y, 6);
    }

    [Fact]
    public void A_square_beat_is_drawn_square_whatever_its_latitude()
    {
        // 0.02 degrees of latitude is about 2.2 km; at 52°N that is about 0.0325 degrees of longitude.
        var projection = new MapProjection(new GeoPosition(52.00, -0.5), new GeoPosition(52.02, -0.4675), 200, 200);
        var (x0, y0) = projection.ToDots(new GeoPosition(52.00, -0.5));
        var (x1, y1) = projection.ToDots(new GeoPosition(52.02, -0.4675));

        Assert.Equal(Math.Abs(y1 - y0), Math.Abs(x1 - x0), Math.Abs(y1 - y0) * 0.02);
    }

    [Fact]
    public void The_beat_map_draws_the_outline_and_numbers_the_homes()
    {
        var ring = new List<GeoPosition> { new(51.87, -0.44), new(51.87, -0.40), new(51.89, -0.40), new(51.89, -0.44), new(51.87, -0.44) };
        var map = new BeatMap();
        map.Show(new BeatOutline("E1", "Test beat", "District", [ring], null),
            [new MapHome("p1", new GeoPosition(51.88, -0.42), '1')],
            [new MapZone(new ZoneShape("park", [], new GeoPosition(51.885, -0.41), 150, "at all times"), true)]);

        var canvas = map.Render(40, 12);
        var text = canvas.ToString();

        Assert.Contains('1', text);
        Assert.Contains(text, c => c is > '\u2800' and <= '\u28ff');
        Assert.Contains(Enumerable.Range(0, 12).SelectMany(r => Enumerable.Range(0, 40).Select(c => canvas.LayerAt(c, r))), layer => layer == 3);
    }

    private static readonly List<GeoPosition> Square =
        [new(51.87, -0.44), new(51.87, -0.40), new(51.89, -0.40), new(51.89, -0.44), new(51.87, -0.44)];

    private static IEnumerable<(int Column, int Row)> Cells(BrailleCanvas canvas) =>
        Enumerable.Range(0, canvas.Rows).SelectMany(r => Enumerable.Range(0, canvas.Columns).Select(c => (c, r)));

    [Fact]
    public void People_are_labelled_with_digits_and_zones_with_capital_letters_so_no_label_means_two_things()
    {
        var map = new BeatMap();
        map.Show(new BeatOutline("E1", "Test beat", "District", [Square], null),
            [new MapHome("p1", new GeoPosition(51.875, -0.43), MapLabels.Person(0))],
            [new MapZone(new ZoneShape("park", [], new GeoPosition(51.885, -0.41), 150, "at all times"), true, MapLabels.Zone(0))]);

        var text = map.Render(40, 12).ToString();

        Assert.Equal('1', MapLabels.Person(0));
        Assert.Equal('A', MapLabels.Zone(0));
        Assert.Contains('1', text);
        Assert.Contains('A', text);
        var people = Enumerable.Range(0, 35).Select(MapLabels.Person).ToHashSet();
        var zones = Enumerable.Range(0, 26).Select(MapLabels.Zone).ToHashSet();
        Assert.Empty(people.Intersect(zones));
        Assert.Equal(35, people.Count);
    }

    [Fact]
    public void Someone_excluded_who_lives_off_the_map_is_drawn_at_its_edge_in_their_own_colour()
    {
        var map = new BeatMap();
        // Lives due east of the beat, well off the map.
        map.Show(new BeatOutline("E1", "Test beat", "District", [Square], null),
            [new MapHome("here", new GeoPosition(51.88, -0.42), '1'), new MapHome("away", new GeoPosition(51.88, -0.30), '2', Excluded: true)],
            []);

        var canvas = map.Render(40, 12);

        var at = Cells(canvas).Where(c => canvas.CharAt(c.Column, c.Row) == '2').ToList();
        var cell = Assert.Single(at);
        Assert.Equal(canvas.Columns - 1, cell.Column);  // on the east edge
        var away = canvas.LayerAt(cell.Column, cell.Row);
        var (hc, hr) = Cells(canvas).Single(c => canvas.CharAt(c.Column, c.Row) == '1');
        Assert.NotEqual(canvas.LayerAt(hc, hr), away);
    }

    [Fact]
    public void A_zone_in_force_is_shaded_as_the_legend_shows_it_and_a_later_one_is_an_outline_only()
    {
        var map = new BeatMap();
        map.Show(new BeatOutline("E1", "Test beat", "District", [Square], null), [],
            [
                new MapZone(new ZoneShape("now", [], new GeoPosition(51.88, -0.43), 400, "at all times"), true, 'A'),
                new MapZone(new ZoneShape("later", [], new GeoPosition(51.88, -0.41), 400, "nights"), false, 'B'),
            ]);

        var canvas = map.Render(60, 20);
        var shade = LocalOfficerWorkspace.LegendText[0];

        Assert.Equal('⢕', shade);
        Assert.DoesNotContain('⣿', LocalOfficerWorkspace.LegendText);
        var now = Cells(canvas).Where(c => canvas.LayerAt(c.Column, c.Row) == 3).ToList();   // in force
        var later = Cells(canvas).Where(c => canvas.LayerAt(c.Column, c.Row) == 2).ToList(); // later
        Assert.Contains(now, c => canvas.CharAt(c.Column, c.Row) == shade);
        Assert.DoesNotContain(later, c => canvas.CharAt(c.Column, c.Row) == shade);
        Assert.True(now.Count > later.Count, "a shaded zone covers more cells than the outline of one as big");
    }
}
