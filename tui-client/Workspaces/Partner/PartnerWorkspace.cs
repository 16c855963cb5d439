using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using OffenderMgmt.Tui.Workspaces.Common;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Partner;

/// <summary>
/// A partner agency in the IOM scheme and at MAPPA meetings: this week's IOM review agenda,
/// where the agency records the meeting's decision and the actions it takes on; and the MAPPA
/// meetings its agency attends, with their agendas and minutes. The server shows a partner the
/// IOM cohort and its own meetings' cases only; every call states case management.
/// </summary>
public sealed class PartnerWorkspace : WorkspaceWindow
{
    private const string Help = """
        Alt+1 IOM review agenda · Alt+2 MAPPA meetings
        IOM review: ↑↓ shows why a person is on the agenda; Enter or F7 records the meeting's decision and actions
        MAPPA meetings: ↑↓ picks a meeting, Enter goes to its agenda; ↑↓ there shows each case and its minutes
        """;

    private readonly Tabs _tabs;
    private readonly View[] _pages;

    public PartnerWorkspace(ClientContext context) : base(context, "Partner agency", Help)
    {
        Review = new IomReviewPanel(context, Calls, StatusLine, Purpose.CaseManagement);
        Mappa = new MappaPanel(context, Calls, StatusLine, Purpose.CaseManagement, canMinute: false);
        _pages = [TabPage.Of("IOM review", Review), TabPage.Of("MAPPA meetings", Mappa)];
        _tabs = new Tabs { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        _tabs.Add(_pages);
        var content = new View { X = 0, Width = Dim.Fill(), CanFocus = true };
        content.Add(_tabs);
        Compose(
            [
                new MenuBarItem("_View",
                [
                    new MenuItem("_IOM review", "", () => ShowTab(0), Key.D1.WithAlt),
                    new MenuItem("_MAPPA meetings", "", () => ShowTab(1), Key.D2.WithAlt),
                ]),
                new MenuBarItem("_Action",
                [
                    new MenuItem("Record IOM _decision…", "The meeting's decision and actions for the selected person", Review.RecordSelected, Key.F7),
                ]),
            ],
            content,
            [
                new Shortcut(Key.F7, "Decide", Act),
                new Shortcut(Key.D1.WithAlt, "IOM", () => ShowTab(0)),
                new Shortcut(Key.D2.WithAlt, "MAPPA", () => ShowTab(1)),
            ]);
        KeyDown += (_, key) =>
        {
            if (!key.IsAlt || key.NoAlt.KeyCode is < Terminal.Gui.Drivers.KeyCode.D1 or > Terminal.Gui.Drivers.KeyCode.D2) return;
            ShowTab((int)(key.NoAlt.KeyCode - Terminal.Gui.Drivers.KeyCode.D1));
            key.Handled = true;
        };
        ShowTab(0);
    }

    public IomReviewPanel Review { get; }
    public MappaPanel Mappa { get; }
    public View CurrentTab => _tabs.Value!;

    public void ShowTab(int index)
    {
        _tabs.Value = _pages[index];
        (index == 0 ? (View)Review.Agenda : Mappa.Meetings).SetFocus();
    }

    private void Act()
    {
        if (_tabs.Value == _pages[0]) Review.RecordSelected();
        else StatusLine.Info("Partner agencies read MAPPA minutes here; the meeting's case workers record them.");
    }

    public override Task RefreshAsync() => Task.WhenAll(Review.LoadAsync(), Mappa.LoadAsync());

    protected override void OnEscape() => ShowTab(Math.Max(0, Array.IndexOf(_pages, _tabs.Value)));
}
