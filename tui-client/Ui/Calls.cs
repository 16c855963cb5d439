using OffenderMgmt.Tui.App;
using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// Runs a screen's calls to the server: shows what is happening while they run, lets Esc
/// cancel them, turns failures into a message on the screen (never an exception on the UI
/// loop), and when the server wants a reason to open a record, asks the user for one and tries
/// again with it. Keys typed while a call runs are kept (<see cref="TypeAhead"/>) unless the
/// screen searches as the user types (<paramref name="holdsTyping"/> false).
/// </summary>
public sealed class Calls(ClientContext context, IFeedback feedback, bool holdsTyping = true)
{
    private readonly List<(string Doing, CancellationTokenSource Cancel)> _active = [];

    public bool IsBusy => _active.Count > 0;

    /// <summary>The last failure, for a screen that wants to reload once the server is back.</summary>
    public GatewayException? LastFailure { get; private set; }

    /// <summary>Cancels everything this screen is waiting for (Esc).</summary>
    public void CancelAll()
    {
        foreach (var (_, cancel) in _active.ToList()) cancel.Cancel();
    }

    /// <summary>Runs a call; the result says whether it worked, and the user has been told if not.</summary>
    public async Task<Done<T>> RunAsync<T>(string doing, Func<CancellationToken, Task<T>> call) => Report(await TryAsync(doing, call));

    /// <summary>Runs a call and leaves telling the user about a failure to the caller.</summary>
    public async Task<Done<T>> TryAsync<T>(string doing, Func<CancellationToken, Task<T>> call)
    {
        using var cancel = new CancellationTokenSource();
        // Keys typed while the screen waits are kept for what the call opens (or the screen itself).
        using var hold = holdsTyping ? context.Keys.Hold() : null;
        var entry = (doing, cancel);
        _active.Add(entry);
        ShowBusy();
        try
        {
            // The gateway runs off the UI thread (its awaits need no loop); only its answer comes back here.
            var value = await Task.Run(() => call(cancel.Token), CancellationToken.None);
            LastFailure = null;
            return new Done<T>(true, value, null, null);
        }
        catch (GatewayException e)
        {
            if (e.Failure != GatewayFailure.Cancelled) LastFailure = e;
            return new Done<T>(false, default, e, null);
        }
        finally
        {
            _active.Remove(entry);
            if (_active.Count > 0) ShowBusy();
            else feedback.Idle();
        }
    }

    /// <summary>
    /// Runs a call about someone's record with <paramref name="purpose"/>. If the server answers
    /// that a reason is needed (not the user's own case), asks for one and calls again with it.
    /// The purpose that worked comes back, so later calls about the same record reuse it.
    /// </summary>
    public async Task<Done<T>> RunWithReasonAsync<T>(string doing, Purpose purpose, Func<Purpose, CancellationToken, Task<T>> call)
    {
        var result = await TryAsync(doing, ct => call(purpose, ct));
        if (result.Error?.Failure != GatewayFailure.ReasonNeeded) return Report(result with { PurposeUsed = purpose });
        var reason = ReasonDialog.Ask(context, result.Error.Message);
        if (reason is null)
        {
            feedback.Info("Not opened: no reason was given.");
            return result;
        }
        var because = Purpose.Because(reason);
        var retried = await TryAsync(doing, ct => call(because, ct));
        return Report(retried with { PurposeUsed = because });
    }

    /// <summary>Tells the user about a failure (a cancellation is only noted).</summary>
    public Done<T> Report<T>(Done<T> result)
    {
        if (result.Error is { } e) Tell(e);
        return result;
    }

    public void Tell(GatewayException e)
    {
        if (e.Failure == GatewayFailure.Cancelled) feedback.Info("Cancelled.");
        else feedback.Problem(e.Message);
    }

    private void ShowBusy() => feedback.Busy(string.Join(", ", _active.Select(a => a.Doing).Distinct()) + "…");
}

/// <summary>How a call went: its value, or the failure the user has been told about.</summary>
public readonly record struct Done<T>(bool Ok, T? Value, GatewayException? Error, Purpose? PurposeUsed);
