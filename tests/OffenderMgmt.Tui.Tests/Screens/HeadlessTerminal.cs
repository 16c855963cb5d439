using System.Runtime.CompilerServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;

namespace OffenderMgmt.Tui.Tests.Screens;

/// <summary>
/// Runs a screen on Terminal.Gui's ANSI driver with no real terminal behind it: keys are
/// injected, the screen is read back as text. A scenario is a list of steps, each waiting for
/// the screen to be ready (a call finished) before acting, all inside the real main loop.
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

    /// <summary>Runs the window with the steps in order; fails if a step is not ready in time.</summary>
    public void Run(IRunnable window, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var next = 0;
        string? failure = null;
        App.AddTimeout(TimeSpan.FromMilliseconds(20), () =>
        {
            if (next == _steps.Count)
            {
                App.RequestStop(window);
                return false;
            }
            if (DateTime.UtcNow > deadline)
            {
                failure = $"Timed out waiting for step {next + 1}: {_steps[next].Description}.\nScreen:\n{Screen()}";
                App.RequestStop(window);
                return false;
            }
            if (_steps[next].Ready())
            {
                _steps[next].Act();
                next++;
            }
            return true;
        });
        App.Run(window);
        _steps.Clear();
        if (failure is not null) Assert.Fail(failure);
    }

    public void Dispose() => App.Dispose();
}
