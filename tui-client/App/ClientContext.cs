using OffenderMgmt.Tui.Gateway;
using Terminal.Gui.App;

namespace OffenderMgmt.Tui.App;

/// <summary>What every screen is given: the application, the gateways, the clock and the signed-in user.</summary>
public sealed class ClientContext(IApplication app, Gateways gateways, TimeProvider clock)
{
    public IApplication App { get; } = app;

    /// <summary>The UI thread's context: create the client context on the UI thread, before any window runs.</summary>
    public UiSynchronizationContext Ui { get; } = new(app);
    public Gateways Gateways { get; } = gateways;

    /// <summary>Keys typed while a screen waits go where they were meant, in order.</summary>
    public TypeAhead Keys { get; } = TypeAhead.For(app);

    /// <summary>The clock for "today", "overdue by" and "now". Tests give it the server's fake clock.</summary>
    public TimeProvider Clock { get; } = clock;

    public ServerConnection Connection => Gateways.Connection;

    public Session Session => Connection.Session ?? throw new InvalidOperationException("Nobody is signed in.");

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Today where the user is (UK forces: the force's own day).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);

    /// <summary>What the client remembers between runs for each user (the last beat picked).</summary>
    public ClientSettings Settings { get; init; } = ClientSettings.InMemory();

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Clock.LocalTimeZone);
}
