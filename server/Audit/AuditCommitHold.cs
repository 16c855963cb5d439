namespace OffenderMgmt.Server.Audit;

/// <summary>
/// A test-only fault point: the moment just before audit entries are committed (the audit
/// writer's batch, or a write's own transaction) where the crash test needs the server to stop,
/// so that it can kill the process while an entry is written but not yet durable and check that
/// no call of it was answered. Off unless the process is started with the environment variable
/// <see cref="EnvironmentFlag"/> set to 1; only then is <c>Testing:HoldAuditCommitPurpose</c>
/// read, so no configuration file can turn it on. When on, the first commit that carries an
/// entry whose stated purpose contains that text prints <see cref="HeldLine"/> to standard
/// output and never finishes (the test kills the process); every other commit goes ahead.
/// </summary>
public sealed class AuditCommitHold
{
    public const string EnvironmentFlag = "OFFENDERMGMT_FAULT_POINTS";
    public const string PurposeSetting = "Testing:HoldAuditCommitPurpose";
    public const string HeldLine = "FAULT POINT: audit commit held";

    private readonly string? _purpose;
    private int _held;

    private AuditCommitHold(string? purpose) => _purpose = string.IsNullOrEmpty(purpose) ? null : purpose;

    /// <summary>Never holds.</summary>
    public static AuditCommitHold Off { get; } = new(null);

    public static AuditCommitHold From(IConfiguration configuration) =>
        Environment.GetEnvironmentVariable(EnvironmentFlag) == "1" ? new AuditCommitHold(configuration[PurposeSetting]) : Off;

    /// <summary>Called with the entries about to be committed; returns at once unless this is the commit to hold.</summary>
    public Task BeforeCommitAsync(IEnumerable<AuditRecord> records)
    {
        if (_purpose is null || !records.Any(r => r.Purpose.Contains(_purpose, StringComparison.Ordinal))) return Task.CompletedTask;
        if (Interlocked.Exchange(ref _held, 1) == 1) return Task.CompletedTask;
        Console.Out.WriteLine(HeldLine);
        Console.Out.Flush();
        return Task.Delay(Timeout.Infinite);
    }
}
