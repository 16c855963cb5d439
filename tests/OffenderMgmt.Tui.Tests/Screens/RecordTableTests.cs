using OffenderMgmt.Tui.Tests.Support;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>Issue 20 point 8: tables that fit their content, give way by priority, show where you are and keep it in view.</summary>
public sealed class RecordTableTests
{
    private sealed record Row(int N, string Name, string Area, string Notes);

    private static List<Row> Rows(int count) => Enumerable.Range(1, count)
        .Select(n => new Row(n, $"Person {n:000}", n % 2 == 0 ? "Aspley and Woburn Sands" : "Luton South", $"note {n:000} " + new string('x', 40)))
        .ToList();

    private static RecordTable<Row> Table() => new(
        [
            new("Name", r => r.Name, 8, 30, Priority: Priority.Essential),
            new("Area", r => r.Area, 8, 40),
            new("Notes", r => r.Notes, 10, 80, Priority: Priority.Low),
        ],
        r => r.N.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Window WindowWith(View view)
    {
        var window = new Window();
        window.SetScheme(Theme.Base);
        window.Add(view);
        return window;
    }

    [Fact]
    public void Columns_take_the_width_of_their_content_and_the_lowest_priority_gives_way_first_when_narrow()
    {
        using var terminal = new HeadlessTerminal(100, 30);
        var table = Table();
        table.SetRows(Rows(5));
        var narrow = Table();
        narrow.X = 0; narrow.Y = 0; narrow.Width = 50; narrow.Height = 10;
        narrow.SetRows(Rows(5));
        table.Y = 12;
        table.Height = 10;
        using var window = WindowWith(narrow);
        window.Add(table);

        terminal
            .When("the window is up", () => window.IsRunning, () =>
            {
                // Wide: every column, the area in full.
                Assert.Equal(["Name", "Area", "Notes"], table.VisibleHeaders);
                var wide = terminal.Screen().Split('\n').Where(l => l.Contains("Person 002", StringComparison.Ordinal)).ToList();
                Assert.True(wide.Count == 2, terminal.Screen());
                Assert.Contains("Aspley and Woburn Sands", wide[1], StringComparison.Ordinal);
                Assert.Contains("note 002", wide[1], StringComparison.Ordinal);
                // Narrow: the notes give way, the area is still whole rather than cut to a stub.
                Assert.Equal(["Name", "Area"], narrow.VisibleHeaders);
                var line = terminal.LineWith("Person 002")!;
                Assert.Contains("Aspley and Woburn Sands", line, StringComparison.Ordinal);
                Assert.DoesNotContain("note 002", line, StringComparison.Ordinal);
                window.RequestStop();
            })
            .Run(window);
    }

    [Fact]
    public void When_even_the_essential_columns_do_not_fit_they_are_cut_with_an_ellipsis_never_hidden()
    {
        using var terminal = new HeadlessTerminal(100, 30);
        var table = Table();
        table.Width = 16;
        table.Height = 8;
        table.SetRows(Rows(3));
        using var window = WindowWith(table);

        terminal
            .When("the window is up", () => window.IsRunning, () =>
            {
                Assert.Equal(["Name"], table.VisibleHeaders);
                Assert.Contains("Person 001", terminal.Screen(), StringComparison.Ordinal);
                window.RequestStop();
            })
            .Run(window);

        var fitted = ColumnFit.Widths([new(30, 8, Priority.Essential), new(20, 8, Priority.Essential), new(10, 4, Priority.Low)], 30);
        Assert.Equal(0, fitted[2]);
        Assert.Equal(29, fitted[0] + fitted[1]);  // one cell between the two
        Assert.True(fitted[0] >= 8 && fitted[1] >= 8);
        Assert.Equal("Aspley and Wo…", TextWrap.Fit("Aspley and Woburn Sands", 14));
    }

    [Fact]
    public void A_hidden_column_comes_back_when_the_one_that_pushed_it_out_is_gone()
    {
        // Low is hidden first; Normal then has to go too, which frees room enough for Low.
        var widths = ColumnFit.Widths([new(10, 10, Priority.Essential), new(40, 10, Priority.Normal), new(8, 8, Priority.Low)], 30);
        Assert.Equal([10, 0, 8], widths);
        // Every column fits: nothing hidden.
        Assert.Equal([10, 40, 8], ColumnFit.Widths([new(10, 10, Priority.Essential), new(40, 10, Priority.Normal), new(8, 8, Priority.Low)], 100));
        // Equal priorities: the rightmost goes first.
        Assert.Equal([10, 10, 0], ColumnFit.Widths([new(10, 10, Priority.Essential), new(10, 5, Priority.Normal), new(10, 5, Priority.Normal)], 22));
    }

    [Fact]
    public void A_wide_essential_column_is_cut_before_a_high_priority_one_goes_and_gets_back_any_room_left()
    {
        // name, next check (wants 49), overdue (High), area (Normal) in 60 cells: the area goes,
        // the next check is cut to what is left, the overdue count stays.
        var widths = ColumnFit.Widths([new(10, 8, Priority.Essential), new(49, 24, Priority.Essential), new(7, 7, Priority.High), new(20, 8, Priority.Normal)], 60);
        Assert.Equal([10, 41, 7, 0], widths);
        // Too narrow for the next check's least: now the high-priority column gives way (and its cell goes to the cut one).
        Assert.Equal([10, 25, 0, 0], ColumnFit.Widths([new(10, 8, Priority.Essential), new(49, 24, Priority.Essential), new(7, 7, Priority.High), new(20, 8, Priority.Normal)], 36));
        // Hiding a wide column frees more than was needed: the cut column gets it back, up to its content.
        Assert.Equal([10, 30, 0], ColumnFit.Widths([new(10, 8, Priority.Essential), new(30, 10, Priority.Essential), new(25, 8, Priority.Low)], 50));
    }

    [Fact]
    public void The_position_shows_on_the_header_rule_and_Home_and_End_go_to_the_first_and_last_row()
    {
        using var terminal = new HeadlessTerminal(100, 30);
        var table = Table();
        table.Height = 12;
        table.SetRows(Rows(340));
        using var window = WindowWith(table);

        terminal
            .When("the window is up", () => window.IsRunning, () =>
            {
                table.SetFocus();
                Assert.Contains("1 of 340", terminal.Screen(), StringComparison.Ordinal);
                terminal.Press(Key.End);
                Assert.Equal(340, table.Selected!.N);
                Assert.Contains("340 of 340", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("Person 340", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("Name", terminal.Screen(), StringComparison.Ordinal);  // not scrolled sideways
                Assert.Equal(0, table.ColumnOffset);
                terminal.Press(Key.Home);
                Assert.Equal(1, table.Selected!.N);
                Assert.Contains("1 of 340", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("Person 001", terminal.Screen(), StringComparison.Ordinal);
                window.RequestStop();
            })
            .Run(window);
    }

    [Fact]
    public void After_a_sort_the_selected_row_is_still_on_screen()
    {
        using var terminal = new HeadlessTerminal(100, 30);
        var table = Table();
        table.Height = 12;
        var rows = Rows(300);
        table.SetRows(rows);
        using var window = WindowWith(table);

        terminal
            .When("the window is up", () => window.IsRunning, () =>
            {
                table.SetFocus();
                Assert.True(table.Select("40"));
                Assert.Contains("Person 040", terminal.Screen(), StringComparison.Ordinal);
                table.SetRows(rows.AsEnumerable().Reverse().ToList());
                Assert.Equal(40, table.Selected!.N);
                Assert.Contains("Person 040", terminal.Screen(), StringComparison.Ordinal);
                Assert.Contains("261 of 300", terminal.Screen(), StringComparison.Ordinal);
                window.RequestStop();
            })
            .Run(window);
    }
}
