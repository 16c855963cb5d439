using OffenderMgmt.Tui.Ui;

namespace OffenderMgmt.Tui.Tests.Unit;

/// <summary>Issue 20: which shortcuts a narrow status bar leaves off, as arithmetic.</summary>
public sealed class ShortcutFitTests
{
    [Fact]
    public void All_show_when_they_fit_and_the_lowest_drop_order_gives_way_first_never_those_of_order_zero()
    {
        ShortcutFit.Item[] items = [new(11, 0), new(13, 3), new(14, 2), new(14, 1), new(15, 0)];
        Assert.All(ShortcutFit.Shown(items, 67), Assert.True);
        Assert.Equal([true, true, true, false, true], ShortcutFit.Shown(items, 66));
        Assert.Equal([true, true, false, false, true], ShortcutFit.Shown(items, 52));
        Assert.Equal([true, false, false, false, true], ShortcutFit.Shown(items, 10));
    }

    [Fact]
    public void A_shortcut_is_as_wide_as_Terminal_Gui_draws_it_with_its_separator() =>
        Assert.Equal(" F1  Help │".Length, ShortcutFit.WidthOf("F1", "Help"));
}
