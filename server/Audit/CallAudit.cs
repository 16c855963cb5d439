namespace OffenderMgmt.Server.Audit;

/// <summary>
/// What the current call touched (scoped to the call). Application code reports the records it
/// reads or changes; the accountability interceptor writes them into the call's audit entry.
/// </summary>
public sealed class CallAudit
{
    private readonly List<string> _records = [];

    public AuditAction? Action { get; private set; }

    public IReadOnlyList<string> Records => _records;

    public void Touched(Guid id) => Touched(id.ToString());

    public void Touched(string id)
    {
        if (id.Length > 0 && !_records.Contains(id)) _records.Add(id);
    }

    public void Touched(IEnumerable<Guid> ids)
    {
        foreach (var id in ids) Touched(id);
    }

    /// <summary>Overrides the action the access policy declares (e.g. a read that discloses).</summary>
    public void Was(AuditAction action) => Action = action;
}
