namespace OffenderMgmt.Tui.Gateway;

/// <summary>
/// Why the client is reading or changing something, sent as <c>x-access-purpose</c> on every
/// call that touches personal data. Each screen states one; the server records it in the audit
/// log next to who made the call (DPA 2018 s.62).
/// </summary>
public sealed record Purpose
{
    /// <summary>The server refuses reasons shorter than this (AccessPurpose.MinReasonLength).</summary>
    public const int MinReasonLength = 10;

    public const int MaxReasonLength = 500;

    public static readonly Purpose CaseManagement = new("case-management", "case management");
    public static readonly Purpose Briefing = new("briefing", "briefing");
    public static readonly Purpose SightingCheck = new("sighting-check", "sighting check");
    public static readonly Purpose Supervision = new("supervision", "supervision");
    public static readonly Purpose Audit = new("audit", "audit");

    private Purpose(string header, string description)
    {
        Header = header;
        Description = description;
    }

    /// <summary>The header value, ASCII only (a reason is percent-encoded; the server decodes it).</summary>
    public string Header { get; }

    /// <summary>How the purpose is shown to the user, e.g. in a window title.</summary>
    public string Description { get; }

    /// <summary>True for a reason in the user's own words rather than a standard purpose.</summary>
    public bool IsReason => Header.StartsWith("reason:", StringComparison.Ordinal);

    /// <summary>
    /// A reason in the user's own words, for opening a record outside their own work. Headers
    /// must be ASCII, so the text is percent-encoded; the server decodes it before auditing.
    /// </summary>
    public static Purpose Because(string reason)
    {
        var problem = ProblemWithReason(reason);
        if (problem is not null) throw new ArgumentException(problem, nameof(reason));
        var trimmed = reason.Trim();
        return new Purpose($"reason: {Uri.EscapeDataString(trimmed)}", $"reason: {trimmed}");
    }

    /// <summary>Why a reason would be refused, in words for the user; null when it is acceptable.</summary>
    public static string? ProblemWithReason(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length < MinReasonLength) return $"Say why you need the record, in at least {MinReasonLength} characters.";
        if (trimmed.Length > MaxReasonLength) return $"Keep the reason to {MaxReasonLength} characters or fewer.";
        if (trimmed.Any(char.IsControl)) return "The reason must be on one line.";
        return null;
    }

    public override string ToString() => Description;
}
