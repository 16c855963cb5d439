namespace OffenderMgmt.Tui.Gateway;

/// <summary>A compliance check: what, for whom, when it is due, and how it ended.</summary>
public sealed record CheckRow(
    string Id,
    string PersonId,
    string PersonName,
    string Kind,
    string? Description,
    DateOnly? DueOn,
    DateOnly? OpensOn,
    bool IsOpen,
    string Status,
    string? Outcome,
    DateTimeOffset? CompletedAt,
    string? ResponsibleOfficerName,
    int DaysOverdue,
    string? Notes,
    string? OrderId,
    string? ConditionId,
    string? ManagementId,
    long Version)
{
    public bool IsOverdue => IsOpen && DaysOverdue > 0;

    /// <summary>An outcome can be recorded from the day the check opens.</summary>
    public bool CanRecordOn(DateOnly today) => IsOpen && (OpensOn is null || OpensOn <= today);
}

/// <summary>What a check found; the values match the API's CheckOutcome.</summary>
public enum CheckResult
{
    Compliant = 1,
    NonCompliant = 2,
    NoAccess = 3,
    BreachSuspected = 4,
}

public static class CheckResultWords
{
    public static string Describe(this CheckResult result) => result switch
    {
        CheckResult.Compliant => "Compliant",
        CheckResult.NonCompliant => "Non-compliant",
        CheckResult.NoAccess => "No access",
        CheckResult.BreachSuspected => "Breach suspected",
        _ => result.ToString(),
    };
}

/// <summary>What recording an outcome did: the check closed, the next one planned, and a breach if one was suspected.</summary>
public sealed record OutcomeRecorded(CheckRow Closed, CheckRow? Next, BreachEntry? Breach, int UnregisteredDevices = 0);

/// <summary>Issue 18: a phone found at a device inspection, by number or IMEI.</summary>
public sealed record FoundDevice(string? PhoneNumber, string? Imei)
{
    /// <summary>
    /// Reads what the officer typed: entries separated by ";" or new lines, each a phone number
    /// or an IMEI (15 digits, or written "IMEI ..."). The server checks each.
    /// </summary>
    public static IReadOnlyList<FoundDevice> Parse(string text) =>
        text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry =>
            {
                var imei = entry.StartsWith("IMEI", StringComparison.OrdinalIgnoreCase);
                var digits = new string(entry.Where(char.IsAsciiDigit).ToArray());
                return imei || (digits.Length == 15 && !entry.TrimStart().StartsWith('+') && !entry.TrimStart().StartsWith('0'))
                    ? new FoundDevice(null, imei ? entry[4..].Trim(' ', ':') : entry)
                    : new FoundDevice(entry, null);
            }).ToList();
}
