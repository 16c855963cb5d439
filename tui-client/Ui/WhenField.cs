using OffenderMgmt.Tui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace OffenderMgmt.Tui.Ui;

/// <summary>
/// "When did it happen": a time field that starts at now, in the user's local time, so a record
/// written up after the event (a visit this morning, a call yesterday) carries its real time.
/// </summary>
public sealed class WhenField : TextField
{
    private readonly ClientContext _context;
    private readonly string _start;

    public WhenField(ClientContext context)
    {
        _context = context;
        Width = 18;
        Text = _start = Dates.ForForm(context.Now, context.Clock.LocalTimeZone);
    }

    /// <summary>The hint to put beside the field.</summary>
    public const string Hint = "yyyy-mm-dd hh:mm, your local time";

    /// <summary>The time typed; null when it was left at now (the server then uses its own now).</summary>
    public (DateTimeOffset? At, string? Problem) Read()
    {
        if (Text.Trim() == _start) return (null, null);
        if (!Dates.TryLocalTime(Text, _context.Clock.LocalTimeZone, out var at))
            return (null, "Give the time as yyyy-mm-dd hh:mm, e.g. 2026-11-26 09:30.");
        if (at > _context.Now.AddMinutes(5)) return (null, "That time is in the future.");
        return (at, null);
    }
}
