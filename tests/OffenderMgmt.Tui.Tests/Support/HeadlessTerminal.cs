using System.Runtime.CompilerServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace OffenderMgmt.Tui.Tests.Support;

/// <summary>
/// Runs screens on Terminal.Gui's ANSI driver with no real terminal behind it: keys are
/// injected, the screen is read back as text. A scenario is a list of steps, each waiting for
/// the screen to be ready (a call finished, a dialog opened) before acting, all inside the real
/// main loop, so modal dialogs and nested windows run exactly as they do for a user.
/// Terminal.Gui takes the thread that creates the application as its UI thread, so create the
/// terminal (and the client context) on the thread that runs it: after a test's awaits.
/// </summary>
public sealed class HeadlessTerminal : IDisposable
{
    // Before any driver starts: keep the ANSI driver off the real terminal running the tests.
    [ModuleInitializer]
    internal static void DisableRealDriverIo() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");

    private readonly List<(string Description, Func<bool> Ready, Action Act)> _steps = [];

    public HeadlessTerminal(int columns = 120, int rows = 40)
    {
        App = Application.Create().Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(columns, rows);
    }

    public IApplication App { get; }

    /// <summary>The screen as text, rows separated by newlines, after drawing what is pending.</summary>
    public string Screen()
    {
        App.LayoutAndDraw();
        return App.Driver!.ToString()!;
    }

    /// <summary>The screen row that contains <paramref name="text"/>, or null.</summary>
    public string? LineWith(string text) =>
        Screen().Split('\n').FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>The colours drawn at a screen cell, after drawing what is pending.</summary>
    public Terminal.Gui.Drawing.Attribute? AttributeAt(int column, int row)
    {
        App.LayoutAndDraw();
        return App.Driver!.Contents![row, column].Attribute;
    }

    /// <summary>The colours of the first cell of the first screen row that contains <paramref name="text"/>.</summary>
    public Terminal.Gui.Drawing.Attribute? AttributeOf(string text)
    {
        var rows = Screen().Split('\n');
        for (var y = 0; y < rows.Length; y++)
        {
            var x = rows[y].IndexOf(text, StringComparison.Ordinal);
            if (x >= 0) return AttributeAt(x, y);
        }
        return null;
    }

    public void Type(string text)
    {
        foreach (var c in text) App.InjectKey(new Key(c));
    }

    public void Press(Key key) => App.InjectKey(key);

    /// <summary>Adds a step: once <paramref name="ready"/> holds, do <paramref name="act"/>.</summary>
    public HeadlessTerminal When(string description, Func<bool> ready, Action act)
    {
        _steps.Add((description, ready, act));
        return this;
    }

    /// <summary>A step that waits until the screen shows the text.</summary>
    public HeadlessTerminal WhenScreenShows(string text, Action act) =>
        When($"the screen shows '{text}'", () => Screen().Contains(text, StringComparison.Ordinal), act);

    /// <summary>A step that waits until the top runnable (window or dialog) is a <typeparamref name="T"/>.</summary>
    public HeadlessTerminal WhenShowing<T>(Action<T> act) where T : class =>
        When($"a {typeof(T).Name} is showing", () => App.TopRunnable is T, () => act((T)App.TopRunnable!));

    /// <summary>Runs the window with the steps in order; fails if a step is not ready in time.</summary>
    public void Run(IRunnable window, TimeSpan? timeout = null) => Run(() => App.Run(window), () => App.RequestStop(window), timeout);

    /// <summary>
    /// Runs <paramref name="body"/> (which runs windows, one after another or nested) with the
    /// steps in order. When they are done, or a step times out, <paramref name="stop"/> is
    /// called and then whatever is on top is closed until the body returns.
    /// </summary>
    public void Run(Action body, Action stop, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var next = 0;
        var stopping = false;
        var acting = false;
        var finished = false;
        string? failure = null;
        App.AddTimeout(TimeSpan.FromMilliseconds(20), () =>
        {
            // Once this run's body has returned, its timer ends: left running in its stopping state,
            // it would close the next run's window on the same terminal before that run's first step
            // (seen under load: "The screens closed before step 1").
            if (finished) return false;
            if (acting) return true;
            if (stopping)
            {
                if (App.TopRunnable is { } top) App.RequestStop(top);
                return true;
            }
            if (next == _steps.Count)
            {
                stopping = true;
                stop();
                return true;
            }
            if (DateTime.UtcNow > deadline)
            {
                failure = $"Timed out waiting for step {next + 1}: {_steps[next].Description}.\nScreen:\n{Screen()}";
                stopping = true;
                stop();
                return true;
            }
            if (_steps[next].Ready())
            {
                // The action runs in a timer of its own: if it opens a modal dialog (a key that
                // opens one, say), the dialog's loop must still be able to run this timer to
                // drive the next steps, and a timer is not run again while it is running.
                var act = _steps[next].Act;
                next++;
                acting = true;
                App.AddTimeout(TimeSpan.Zero, () =>
                {
                    acting = false;
                    act();
                    return false;
                });
            }
            return true;
        });
        // The client puts its own SynchronizationContext on the thread while windows run; the
        // test's own awaits after the run must resume on the test framework's, not a loop that has ended.
        var testContext = SynchronizationContext.Current;
        try
        {
            body();
        }
        finally
        {
            finished = true;
            SynchronizationContext.SetSynchronizationContext(testContext);
        }
        // Steps that check what happened once the windows closed (signed in, nothing saved) run now;
        // any other step left over fails the test, which would otherwise pass without checking it.
        while (failure is null && next < _steps.Count && _steps[next].Ready())
            _steps[next++].Act();
        if (failure is null && next < _steps.Count)
            failure = $"The screens closed before step {next + 1}: {_steps[next].Description}.";
        _steps.Clear();
        if (failure is not null) Assert.Fail(failure);
    }

    public void Dispose() => App.Dispose();
}
