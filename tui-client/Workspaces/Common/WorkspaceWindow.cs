using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;
using OffenderMgmt.Tui.Ui;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Workspaces.Common;

/// <summary>
/// What every role's workspace has: a menu bar (F10), a status bar of shortcuts, a status line
/// for progress, errors and the connection, and the same keys everywhere: F1 help, F5
/// refresh, Esc backs out (and cancels a call in progress), Ctrl+Q quits. It loads itself when
/// it first runs, and reloads when the server comes back after a failure.
/// </summary>
public abstract class WorkspaceWindow : Window
{
    private readonly string _help;
    private bool _started;
    private FittedStatusBar? _statusBar;

    protected WorkspaceWindow(ClientContext context, string role, string help)
    {
        Context = context;
        _help = help;
        // At a narrow width the product name gives way, so the user, their collar number and team stay (issue 20).
        var full = $"OffenderMgmt · {role} · {context.Session.Describe()}";
        var shorter = $"{role} · {context.Session.Describe()}";
        Title = full;
        FrameChanged += (_, _) =>
        {
            var room = Frame.Width - 4;  // the corners and the title's brackets
            if (room > 0) Title = full.Length <= room ? full : TextWrap.Fit(shorter, room);
        };
        SetScheme(Theme.Base);
        StatusLine = new StatusLine(context) { X = 0, Y = Pos.AnchorEnd(2) };
        Calls = new Calls(context, new StatusLineFeedback(StatusLine));
        context.Connection.HealthChanged += OnHealthChanged;
        IsRunningChanged += (_, running) =>
        {
            if (!running.Value || _started) return;
            _started = true;
            _ = RefreshAsync();
        };
        KeyDown += (_, key) =>
        {
            if (key == Key.Esc)
            {
                if (Calls.IsBusy) Calls.CancelAll();
                else OnEscape();
                key.Handled = true;  // Esc never closes the workspace: Ctrl+Q does
            }
            else if (key == Key.F5)
            {
                _ = RefreshAsync();
                key.Handled = true;
            }
            else if (key == Key.F1)
            {
                ShowHelp();
                key.Handled = true;
            }
            else if (_statusBar?.TryInvokeHidden(key) == true)
            {
                key.Handled = true;  // a shortcut the narrow bar does not show keeps its key
            }
        };
    }

    protected ClientContext Context { get; }
    public StatusLine StatusLine { get; }
    public Calls Calls { get; }

    /// <summary>Why the workspace closed.</summary>
    public WorkspaceExit Exit { get; private set; } = WorkspaceExit.Quit;

    /// <summary>Loads (or reloads) what the workspace shows.</summary>
    public abstract Task RefreshAsync();

    /// <summary>Esc with nothing to cancel: step back (clear a filter, return to the main list).</summary>
    protected virtual void OnEscape() { }

    /// <summary>Adds the menu bar, the content, the status line and the status bar, in that order.</summary>
    protected void Compose(IEnumerable<MenuBarItem> menus, View content, IEnumerable<Shortcut> shortcuts)
    {
        var menuBar = new MenuBar([.. menus, FileMenu(), HelpMenu()]);
        menuBar.SetScheme(Theme.Bars);
        content.Y = 1;
        content.Height = Dim.Fill(Dim.Func(_ => StatusLine.Rows + 1));
        // F5 gives way first on a narrow bar: the help lists it among the keys that work everywhere.
        var refresh = new Shortcut(Key.F5, "Refresh", () => _ = RefreshAsync());
        _statusBar = new FittedStatusBar([
            new Shortcut(Key.F1, "Help", ShowHelp),
            .. shortcuts,
            refresh,
            new Shortcut(Key.Q.WithCtrl, "Quit", Quit),
        ], refresh);
        _statusBar.SetScheme(Theme.Bars);
        Add(menuBar, content, StatusLine, _statusBar);
    }

    private MenuBarItem FileMenu() => new("_Session",
    [
        new MenuItem("_Refresh", "Load everything again", () => _ = RefreshAsync(), Key.F5),
        new MenuItem("Sign _out", "Back to the sign-in screen", SignOut),
        new MenuItem("_Quit", "Close the client", Quit, Key.Q.WithCtrl),
    ]);

    private MenuBarItem HelpMenu() => new("_Help",
    [
        new MenuItem("_Keys", "What the keys do here", ShowHelp, Key.F1),
    ]);

    /// <summary>The text F1 shows: this workspace's keys, those the bar has no room for at this width, and the keys that work everywhere.</summary>
    public string HelpText => _help + (_statusBar?.HiddenText ?? "") + "\n\nEverywhere: F1 help · F5 refresh · F10 menu · Tab/Shift+Tab move · Esc back or cancel · Ctrl+Q quit";

    public void ShowHelp() => MessageBox.Query(App!, "Keys", HelpText, "_Close");

    /// <summary>The bar of shortcuts at the bottom.</summary>
    public FittedStatusBar? ShortcutBar => _statusBar;

    public void SignOut()
    {
        Exit = WorkspaceExit.SignOut;
        RequestStop();
    }

    public void Quit()
    {
        Exit = WorkspaceExit.Quit;
        RequestStop();
    }

    /// <summary>The server is back: reload if the last load failed because it was away.</summary>
    private void OnHealthChanged(object? sender, ConnectionHealth health)
    {
        if (health != ConnectionHealth.Online) return;
        Context.Ui.Run(() =>
        {
            if (Calls.LastFailure?.Failure == GatewayFailure.Unreachable && !Calls.IsBusy) _ = RefreshAsync();
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Context.Connection.HealthChanged -= OnHealthChanged;
        base.Dispose(disposing);
    }
}

public enum WorkspaceExit
{
    Quit,
    SignOut,
}
