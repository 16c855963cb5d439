using Terminal.Gui.ViewBase;

namespace OffenderMgmt.Tui.Ui;

/// <summary>One page of a Tabs view: its content wrapped in a focusable view that fills the tab.</summary>
public static class TabPage
{
    /// <summary>
    /// Wraps <paramref name="content"/> under <paramref name="title"/>. A table put straight in a tab
    /// loses Left/Right to the tab strip, so every tab's content is wrapped (see NOTES).
    /// </summary>
    public static View Of(string title, params View[] content)
    {
        var page = new View { Title = title, Width = Dim.Fill(), Height = Dim.Fill(), CanFocus = true };
        page.Add(content);
        return page;
    }
}
