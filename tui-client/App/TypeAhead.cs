using System.Runtime.CompilerServices;
using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace OffenderMgmt.Tui.App;

/// <summary>
/// Keys typed while a screen waits for the server go where the user meant them, in order.
/// <para>
/// A dialog that needs data first (the contact dialog needs the person's managements) opens
/// only when the call is back. Keys typed in that wait used to go to the window behind it: the
/// note typed after F9 moved the caseload's selection, and the dialog then opened on nothing
/// typed. Now, while the screen on top waits for a call (<see cref="Hold"/>, taken by
/// <c>Calls</c>), keys are kept; when a dialog or window opens they are delivered to it, once it
/// has put the focus on its first field; when the wait ends with nothing opened they go to the
/// screen that waited. Esc is never kept: it cancels the wait, and what was typed for it is dropped.
/// Keys typed while a dialog is closing (read before its loop has ended) go to the screen under it.
/// </para>
/// <para>
/// It also delivers the key typed right after an Alt key in the same read, which Terminal.Gui
/// would drop (<see cref="AltThenTypingPattern"/>).
/// </para>
/// </summary>
public sealed class TypeAhead
{
    private static readonly ConditionalWeakTable<IApplication, TypeAhead> PerApplication = [];

    private readonly IApplication _app;
    private readonly AltThenTypingPattern? _altPattern;
    private readonly Queue<Key> _held = new();
    private readonly Dictionary<IRunnable, int> _holds = [];
    private readonly HashSet<Key> _delivering = new(ReferenceEqualityComparer.Instance);
    private bool _flushPending;
    private IRunnable? _deliverTo;

    private TypeAhead(IApplication app)
    {
        _app = app;
        _altPattern = AltThenTypingPattern.InstallIn(app);
        app.Keyboard.KeyDown += OnKeyDown;
        app.Iteration += OnIteration;
        app.SessionBegun += (_, e) =>
        {
            // Its own handlers (a form's first field) run first: they were added when it was made.
            if (e.State.Runnable is { } opened) opened.IsModalChanged += DeliverOnceModal;
        };
        // Keys typed after a dialog was closed (Esc, then F9 at once) were read while it was still
        // on top, closing, and were lost with it: they go to the screen under it.
        app.SessionEnded += (_, _) =>
        {
            if (_held.Count > 0) ScheduleFlush();
        };
    }

    /// <summary>The application's type-ahead (one per application, whoever asks).</summary>
    public static TypeAhead For(IApplication app) => PerApplication.GetValue(app, a => new TypeAhead(a));

    /// <summary>True when Alt+letter followed at once by typing is read as both (the ANSI driver).</summary>
    public bool ReadsAltThenTyping => _altPattern is not null;

    /// <summary>Keys waiting to be delivered (for tests).</summary>
    public int HeldCount => _held.Count;

    /// <summary>True while keys typed now would be kept (for tests).</summary>
    public bool IsHoldingNow => IsHolding();

    /// <summary>
    /// Keeps the keys typed into the screen on top now until the returned hold is disposed (the
    /// call is back) and whatever that opens has opened.
    /// </summary>
    public IDisposable Hold()
    {
        if (_app.TopRunnable is not { } waiting) return NoHold.Instance;
        _holds[waiting] = _holds.GetValueOrDefault(waiting) + 1;
        return new HeldWhile(this, waiting);
    }

    private bool IsHolding() =>
        _flushPending || _deliverTo is not null || TopIsClosing || (_app.TopRunnable is { } top && _holds.GetValueOrDefault(top) > 0);

    private bool TopIsClosing => _app.TopRunnable is { IsRunning: true, StopRequested: true };

    private void OnKeyDown(object? sender, Key key)
    {
        if (key.Handled || _delivering.Contains(key)) return;
        if (_altPattern?.TakeFollower() is { } follower)
        {
            // The Alt key and the key read with it, in that order, before the rest of the read.
            var alt = new Key(key);
            key.Handled = true;
            Accept(alt);
            Accept(follower);
            return;
        }
        if (!IsHolding()) return;
        if (key == Key.Esc && !_flushPending && _deliverTo is null && !TopIsClosing)
        {
            // Esc cancels the wait (the screen's own Esc handling), and what was typed for it.
            _held.Clear();
            return;
        }
        _held.Enqueue(new Key(key));
        key.Handled = true;
    }

    private void Accept(Key key)
    {
        if (IsHolding() && (key != Key.Esc || _flushPending || _deliverTo is not null || TopIsClosing)) _held.Enqueue(key);
        else Deliver(key);
    }

    private void Deliver(Key key)
    {
        _delivering.Add(key);
        try
        {
            _app.Keyboard.RaiseKeyDownEvent(key);
        }
        finally
        {
            _delivering.Remove(key);
        }
    }

    /// <summary>Delivers what is held to the screen on top, oldest first. A key that opens a dialog hands the rest to it.</summary>
    private void DeliverHeld()
    {
        while (_held.Count > 0 && !IsHolding()) Deliver(_held.Dequeue());
    }

    private void DeliverOnceModal(object? sender, EventArgs<bool> e)
    {
        if (sender is IRunnable opened) opened.IsModalChanged -= DeliverOnceModal;
        if (!e.Value || sender is not IRunnable runnable) return;
        _flushPending = false;
        // Delivered as its loop starts, not here inside Begin: Terminal.Gui clears a stop asked
        // for before the loop runs, so a typed-ahead Enter that submits would not close it.
        if (_held.Count > 0) _deliverTo = runnable;
    }

    private void OnIteration(object? sender, EventArgs<IApplication?> e)
    {
        if (_deliverTo is not { } to || (to.IsRunning && !ReferenceEquals(_app.TopRunnable, to))) return;
        _deliverTo = null;
        DeliverHeld();
    }

    private void Release(IRunnable waiting)
    {
        var left = _holds.GetValueOrDefault(waiting) - 1;
        if (left > 0)
        {
            _holds[waiting] = left;
            return;
        }
        _holds.Remove(waiting);
        // The code after the call runs next and may open a dialog: keep holding until it has had
        // its turn; a dialog that opens takes the keys, else they go to whatever is on top then.
        ScheduleFlush();
    }

    private void ScheduleFlush()
    {
        _flushPending = true;
        _app.AddTimeout(TimeSpan.Zero, () =>
        {
            if (!_flushPending) return false;
            _flushPending = false;
            DeliverHeld();
            return false;
        });
    }

    private sealed class HeldWhile(TypeAhead owner, IRunnable waiting) : IDisposable
    {
        private bool _released;

        public void Dispose()
        {
            if (_released) return;
            _released = true;
            owner.Release(waiting);
        }
    }

    private sealed class NoHold : IDisposable
    {
        public static readonly NoHold Instance = new();
        public void Dispose() { }
    }
}
