using OffenderMgmt.Server.Common;

namespace OffenderMgmt.Server.Security;

/// <summary>
/// Why a caller is making a call, from the <c>x-access-purpose</c> header: one of the standard
/// purposes, or "reason: ..." in the caller's own words. DPA 2018 s.62 wants the justification
/// of every consultation and disclosure on record.
/// </summary>
public sealed record AccessPurpose(PurposeKind Kind, string Reason)
{
    public const string Header = "x-access-purpose";
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;

    public static readonly AccessPurpose None = new(PurposeKind.None, "");

    private static readonly Dictionary<string, PurposeKind> Standard = new(StringComparer.OrdinalIgnoreCase)
    {
        ["case-management"] = PurposeKind.CaseManagement,
        ["briefing"] = PurposeKind.Briefing,
        ["sighting-check"] = PurposeKind.SightingCheck,
        ["supervision"] = PurposeKind.Supervision,
        ["audit"] = PurposeKind.Audit,
    };

    public static string Accepted => $"{string.Join(", ", Standard.Keys)}, or \"reason: <why you need it>\"";

    public bool IsStated => Kind != PurposeKind.None;

    /// <summary>Parses the header; a malformed purpose is refused rather than guessed at.</summary>
    public static AccessPurpose Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return None;
        var text = Uri.UnescapeDataString(header.Trim());
        if (Standard.TryGetValue(text, out var kind)) return new AccessPurpose(kind, "");
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && text[..colon].Trim().Equals("reason", StringComparison.OrdinalIgnoreCase))
        {
            var reason = text[(colon + 1)..].Trim();
            if (reason.Length < MinReasonLength)
                throw new ValidationException(Header, $"a reason must say why, in at least {MinReasonLength} characters");
            if (reason.Length > MaxReasonLength)
                throw new ValidationException(Header, $"a reason must be at most {MaxReasonLength} characters");
            if (reason.Any(char.IsControl))
                throw new ValidationException(Header, "a reason must not contain control characters");
            return new AccessPurpose(PurposeKind.Reason, reason);
        }
        throw new ValidationException(Header, $"'{Validator.Truncate(text)}' is not a purpose; use {Accepted}");
    }

    public override string ToString() => Kind switch
    {
        PurposeKind.None => "",
        PurposeKind.Reason => $"reason: {Reason}",
        _ => Standard.First(s => s.Value == Kind).Key,
    };
}

public enum PurposeKind
{
    None = 0,
    CaseManagement = 1,
    Briefing = 2,
    SightingCheck = 3,
    Supervision = 4,
    Audit = 5,
    Reason = 6,
}
