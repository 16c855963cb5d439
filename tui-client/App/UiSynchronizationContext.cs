using System.Collections.Concurrent;
using Terminal.Gui.App;

namespace OffenderMgmt.Tui.App;

/// <summary>
/// Where <c>await</c> in screen code resumes: on the UI thread, from the main loop, in every
/// loop, including a modal dialog's loop opened from a timer or from another continuation.
/// <para>
/// Why not Terminal.Gui's own context: in 2.5.0, work handed to the loop from another thread
/// (its SynchronizationContext, <c>Invoke</c>, or <c>AddTimeout</c> from a worker thread) does
/// not run inside a modal loop that was opened from a timer or continuation; it waits until
/// that dialog closes. A dialog opened after a server call (a reason prompt, the re-sign-in
/// dialog) could then never finish its own calls. Timers added on the UI thread do run in
/// those loops, so this context queues posted work and a UI-thread timer moves each item into
/// a timer of its own: an item that opens a dialog does not hold up the others.
/// </para>
/// </summary>
public sealed class UiSynchronizationContext : SynchronizationContext
{
    private readonly IApplication _app;
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private int _uiThread;

    public UiSynchronizationContext(IApplication app)
    {
        _app = app;
        _uiThread = Environment.CurrentManagedThreadId;
        app.AddTimeout(TimeSpan.FromMilliseconds(5), Pump);
        // Terminal.Gui puts its own context in place as each window or dialog starts; put this
        // one back before anything in the iteration (keys, timers, drawing) runs.
        app.Iteration += (_, _) => Install();
        app.SessionBegun += (_, _) =>
        {
            // The loop's thread is the UI thread, whichever thread made the application.
            _uiThread = Environment.CurrentManagedThreadId;
            Install();
        };
        app.SessionEnded += (_, _) => Install();
    }

    public bool OnUiThread => Environment.CurrentManagedThreadId == _uiThread;

    public void Install()
    {
        if (OnUiThread && Current != this) SetSynchronizationContext(this);
    }

    public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (OnUiThread)
        {
            d(state);
            return;
        }
        using var done = new ManualResetEventSlim();
        Exception? failure = null;
        Post(_ =>
        {
            try { d(state); }
            catch (Exception e) { failure = e; }
            finally { done.Set(); }
        }, null);
        done.Wait();
        if (failure is not null) throw new InvalidOperationException("A call sent to the UI thread failed.", failure);
    }

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> on the UI thread: now if already there, else soon.</summary>
    public void Run(Action action)
    {
        if (OnUiThread) action();
        else Post(_ => action(), null);
    }

    private bool Pump()
    {
        while (_queue.TryDequeue(out var item))
        {
            var (callback, state) = item;
            _app.AddTimeout(TimeSpan.Zero, () =>
            {
                Install();
                callback(state);
                return false;
            });
        }
        return true;
    }
}
