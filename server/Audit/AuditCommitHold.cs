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
    private readonly Func<IReadOnlyList<AuditRecord>, Task>? _before;
    private int _held;

    private AuditCommitHold(string? purpose) => _purpose = string.IsNullOrEmpty(purpose) ? null : purpose;

    private AuditCommitHold(Func<IReadOnlyList<AuditRecord>, Task> before) => _before = before;

    /// <summary>
    /// For tests of the server in process (registered in place of the configured one): runs
    /// <paramref name="before"/> at the same moment, every time entries are about to be committed,
    /// attempts that are retried included. A test injects a fault there (ends the connection).
    /// </summary>
    internal static AuditCommitHold Calling(Func<IReadOnlyList<AuditRecord>, Task> before) => new(before);

    /// <summary>Never holds.</summary>
    public static AuditCommitHold Off { get; } = new((string?)null);

    public static AuditCommitHold From(IConfiguration configuration) =>
        Environment.GetEnvironmentVariable(EnvironmentFlag) == "1" ? new AuditCommitHold(configuration[PurposeSetting]) : Off;

    /// <summary>Called with the entries about to be committed; returns at once unless this is the commit to hold.</summary>
    public Task BeforeCommitAsync(IReadOnlyList<AuditRecord> records)
    {
        if (_before is not null) return _before(records);
        if (_purpose is null || !records.Any(r => r.Purpose.Contains(_purpose, StringComparison.Ordinal))) return Task.CompletedTask;
        if (Interlocked.Exchange(ref _held, 1) == 1) return Task.CompletedTask;
        Console.Out.WriteLine(HeldLine);
        Console.Out.Flush();
        return Task.Delay(Timeout.Infinite);
    }
}
