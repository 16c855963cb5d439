using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Server.Tasks;

/// <summary>What raises a task and to whom: an officer, or their team's queue when nobody holds the work.</summary>
public sealed record TaskRequest(
    TaskKind Kind, string Title, string Detail, Guid? OfficerId, Guid? TeamId, DateOnly? DueOn, string SourceKey,
    Guid? PersonId = null, Guid? ManagementId = null, Guid? OrderId = null, Guid? BreachId = null, Guid? CheckId = null);

/// <summary>
/// Raises tasks. Each has a source key (what raised it), so the same event raises it once even
/// when it is reported twice.
/// </summary>
public sealed class TaskBoard(OffenderMgmtDb db, ForceClock clock)
{
    // Every task is added through a board, one board per unit of work (scoped with its context).
    private readonly Dictionary<string, WorkTask> _raised = new(StringComparer.Ordinal);

    /// <summary>Source keys looked up at once, per query (well under every engine's parameter limit).</summary>
    public const int KeysPerLookup = 500;

    /// <summary>
    /// Adds each task whose source key has no task yet, neither saved nor raised earlier in this
    /// unit of work (the first of any requests with the same key wins), and returns how many it
    /// added. Which keys exist is read in a few queries of <see cref="KeysPerLookup"/> keys, not
    /// one per task: housekeeping raises its review tasks this way while it holds the write turn,
    /// which every write and every audited read's entry waits for, and on a national-size force
    /// a query per case due made that round take many seconds (docs/DESIGN.md, section 9).
    /// </summary>
    public async Task<int> RaiseMissingAsync(IReadOnlyList<TaskRequest> requests, CancellationToken cancellationToken)
    {
        var keys = requests.Select(r => r.SourceKey).Where(k => !_raised.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToList();
        var saved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(KeysPerLookup))
            saved.UnionWith(await db.Tasks.Where(t => chunk.Contains(t.SourceKey)).Select(t => t.SourceKey!).ToListAsync(cancellationToken));
        var added = 0;
        foreach (var request in requests)
        {
            if (_raised.ContainsKey(request.SourceKey) || saved.Contains(request.SourceKey)) continue;
            Add(request);
            added++;
        }
        return added;
    }

    /// <summary>Adds the task unless one with the same source key exists; returns the task either way.</summary>
    public async Task<WorkTask> RaiseAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        // A task raised earlier in this unit of work and not yet saved is found here; a saved one
        // by the query. (Looking in DbSet.Local instead ran the change tracker's DetectChanges over
        // every tracked entity on each call: housekeeping's first round on a national-size force,
        // raising tens of thousands of review tasks, took over 15 minutes of CPU that way while
        // holding the write turn, so every audited call waited behind it.)
        var existing = (_raised.TryGetValue(request.SourceKey, out var unsaved) ? unsaved : null)
                       ?? await db.Tasks.FirstOrDefaultAsync(t => t.SourceKey == request.SourceKey, cancellationToken);
        return existing ?? Add(request);
    }

    private WorkTask Add(TaskRequest request)
    {
        if (request.OfficerId is null && request.TeamId is null)
            throw new InvalidOperationException($"A task ({request.Kind}) must go to an officer or a team.");
        var task = new WorkTask
        {
            Kind = request.Kind,
            Title = request.Title.Length > 300 ? request.Title[..300] : request.Title,
            Detail = request.Detail.Length > 4000 ? request.Detail[..4000] : request.Detail,
            AssignedOfficerId = request.OfficerId,
            AssignedTeamId = request.TeamId,
            DueOn = request.DueOn,
            SourceKey = request.SourceKey,
            PersonId = request.PersonId,
            ManagementId = request.ManagementId,
            OrderId = request.OrderId,
            BreachId = request.BreachId,
            CheckId = request.CheckId,
            CreatedAt = clock.Now,
        };
        db.Tasks.Add(task);
        _raised[task.SourceKey] = task;
        return task;
    }
}
