namespace OffenderMgmt.Server.Persistence.Changes;

/// <summary>An in-memory view that follows the change log (registers itself with <see cref="ChangeFeed.Observe"/>).</summary>
public interface IChangeObserver
{
    /// <summary>Committed changes this instance had not yet applied (several rows merged). Quick: mark stale, reload later, unless the view must be current before the next answer.</summary>
    ValueTask ApplyAsync(ChangeSet changes, CancellationToken cancellationToken);
}
