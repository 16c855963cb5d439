namespace OffenderMgmt.Server.Persistence.Changes;

/// <summary>
/// One committed write's change, in commit order (issue 15). Written by
/// <see cref="CommitSignals"/> inside the writing transaction, just before it commits, while the
/// transaction holds the audit chain's lock, so positions are handed out in the order the
/// transactions commit: a reader that has applied position p and then sees p + 5 knows nothing
/// between can still commit (see <see cref="ChangeFeed"/>). Every instance applies the rows it
/// has not yet applied before it answers from its in-memory views. Old rows are pruned by
/// housekeeping (<see cref="ChangeLogPruning"/>).
/// </summary>
public sealed class ChangeLogEntry
{
    /// <summary>The commit-ordered position (database-generated).</summary>
    public long Position { get; set; }

    public DateTimeOffset CommittedAt { get; set; }

    /// <summary>The <see cref="ChangeSet"/> as JSON.</summary>
    public string Changes { get; set; } = "";
}
