namespace OffenderMgmt.Server.Audit;

/// <summary>
/// What the current call touched (scoped to the call). Application code reports the records it
/// reads or changes; the audit part of the call pipeline writes them into the call's one audit
/// entry, and notes here once that entry is written so it is never written twice.
/// </summary>
public sealed class CallAudit
{
    private readonly List<string> _records = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private Func<Task>? _onStreamAdmitted;

    public AuditAction? Action { get; private set; }

    public IReadOnlyList<string> Records => _records;

    /// <summary>True once the call's entry is in the log (or in the transaction that commits it).</summary>
    public bool IsRecorded { get; private set; }

    public void Touched(Guid id) => Touched(id.ToString());

    public void Touched(string id)
    {
        if (id.Length > 0 && _seen.Add(id)) _records.Add(id);
    }

    public void Touched(IEnumerable<Guid> ids)
    {
        foreach (var id in ids) Touched(id);
    }

    /// <summary>Overrides the action the access policy declares (e.g. a read that discloses).</summary>
    public void Was(AuditAction action) => Action = action;

    /// <summary>What a successful write adds to its entry's outcome (a disposal's reason: DPA 2018 s.62 logs erasure).</summary>
    public string? Note { get; private set; }

    public void Noted(string note) => Note = note;

    public void Recorded() => IsRecorded = true;

    /// <summary>Set by the audit part for a server stream: how to record that the stream was admitted.</summary>
    internal void WhenStreamAdmitted(Func<Task> record) => _onStreamAdmitted = record;

    /// <summary>
    /// A stream's service calls this once its filter is validated and before it sends anything:
    /// the stream's one audit entry ("OK (stream opened)") is then made durable. A stream refused
    /// before this point leaves only its refusal.
    /// </summary>
    public async Task StreamAdmittedAsync()
    {
        if (IsRecorded || _onStreamAdmitted is null) return;
        await _onStreamAdmitted();
    }
}
