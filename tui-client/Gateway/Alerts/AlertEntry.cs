namespace OffenderMgmt.Tui.Gateway;

/// <summary>A live alert: a suspected breach, an order served, a release into the area.</summary>
public sealed record AlertEntry(
    long Id,
    DateTimeOffset? At,
    string Kind,
    bool IsBreach,
    string? AreaCode,
    string? PersonId,
    string? PersonName,
    string Summary,
    string? OrderId,
    string? BreachId);

/// <summary>Whose alerts to watch: a beat's, or an officer's cases and orders.</summary>
public sealed record AlertFilter(string? AreaCode, string? OfficerId)
{
    public static AlertFilter ForArea(string areaCode) => new(areaCode, null);
    public static AlertFilter ForOfficer(string officerId) => new(null, officerId);
}

/// <summary>How the alert stream is doing, for the alert line.</summary>
public sealed record AlertWatchStatus(AlertWatchState State, string Message);

public enum AlertWatchState
{
    Connecting,
    Live,
    Reconnecting,
    /// <summary>Stopped for good: the server refused (role, purpose, no such area) or does not offer alerts.</summary>
    Stopped,
}
