using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OffenderMgmt.Server.Persistence.Changes;

/// <summary>
/// Keeps this instance's in-memory views (briefing view, zone index, area index, alert
/// watchers) in step with the change log, whichever instance committed the change (issue 15).
/// <para>
/// <see cref="CatchUpAsync"/> is called before answering from a view: it reads the rows after
/// the position this instance has applied (one indexed query, usually returning nothing) and
/// hands them to the views. A write is acknowledged only after it commits, so a change answered
/// by any instance is in the next answer of every instance, wake-up or no wake-up. Callers that
/// arrive while a catch-up runs wait for the next one (which starts after they arrived), so
/// under load one query serves many readers.
/// </para>
/// <para>
/// Positions are handed out under the audit chain's lock, in commit order (see
/// <see cref="ChangeLogWriter"/>): a row with a lower position than one already seen can never
/// commit later, so a gap is a rolled-back write, not a row still to come. A gap that reaches
/// below the oldest row kept means the log was pruned past this instance, and like a lost
/// listener connection (<see cref="MarkStale"/>) it makes every view rebuild in full.
/// </para>
/// </summary>
public sealed partial class ChangeFeed(IServiceScopeFactory scopes, Telemetry.ViewMetrics metrics, ILogger<ChangeFeed> logger) : IDisposable
{
    private const int Batch = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<IChangeObserver> _observers = [];
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _applied = -1;
    private long _arrivals;
    private long _servedArrivals;
    private volatile bool _stale;

    /// <summary>The last change-log position applied to the views (-1 before the first catch-up).</summary>
    public long AppliedPosition => Interlocked.Read(ref _applied);

    /// <summary>Whether the views are marked for a full rebuild at the next catch-up.</summary>
    public bool IsStale => _stale;

    public void Observe(IChangeObserver observer)
    {
        lock (_observers) _observers.Add(observer);
    }

    /// <summary>
    /// The views may have missed changes (the listener's connection was lost): rebuild them in
    /// full at the next catch-up. Their staleness gauge (<c>offendermgmt.view.staleness</c>)
    /// counts from now until the rebuild makes them current.
    /// </summary>
    public void MarkStale()
    {
        _stale = true;
        metrics.Track(Telemetry.ViewMetrics.ZoneIndex).Changed();
        metrics.Track(Telemetry.ViewMetrics.BriefingFacts).Changed();
    }

    /// <summary>Asks for a catch-up in the background (a commit here, or a notification from another instance).</summary>
    public void Nudge() => _nudges.Writer.TryWrite(true);

    /// <summary>Runs the catch-ups <see cref="Nudge"/> asks for, until stopped (see <see cref="ChangeListener"/>).</summary>
    public async Task RunNudgesAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in _nudges.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                // The next reader catches up itself (and reports the failure to its caller).
                LogCatchUpFailed(e);
            }
        }
    }

    /// <summary>Applies every change committed before this call to the views.</summary>
    public async ValueTask CatchUpAsync(CancellationToken cancellationToken)
    {
        var arrival = Interlocked.Increment(ref _arrivals);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A catch-up that began after this caller arrived has already read what it needs.
            if (Interlocked.Read(ref _servedArrivals) >= arrival) return;
            var serving = Interlocked.Read(ref _arrivals);
            await ApplyNewAsync(cancellationToken);
            Interlocked.Exchange(ref _servedArrivals, serving);
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Row(long Position, string Changes);

    // The feed's own session: one context whose connection stays open from one catch-up to the
    // next (catch-ups run one at a time, under the gate). A scope, a pooled context and the
    // connection's open and close for every catch-up were a fifth of its cost. Dropped after any
    // failure, so the next catch-up starts on a fresh connection.
    private AsyncServiceScope? _scope;
    private OffenderMgmtDb? _db;

    // The catch-up's query, kept prepared on the session's connection with only its parameter
    // rebound: EF makes a new command for every execution, so SQLite parsed and planned the
    // statement again each time (CheckSighting's profile: statement preparation was a third of
    // the catch-up; docs/benchmarks.md). Made again with the session after a failure.
    private DbCommand? _rowsAfter;
    private DbParameter? _after;

    // On SQLite the same query runs through a statement compiled on the session's connection and
    // bound by position (SqliteStatement): Microsoft.Data.Sqlite's data reader, its async steps
    // and the parameter bound by name were most of a catch-up's cost, and every read makes one
    // (WhoAmI's and ZonesAt's profiles, docs/benchmarks.md "2026-12-03, second session").
    private SqliteStatement? _sqliteRowsAfter;

    private static string RowsAfterSql(OffenderMgmtDb db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(ChangeLogEntry))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        return $"SELECT {Column(nameof(ChangeLogEntry.Position))}, {Column(nameof(ChangeLogEntry.Changes))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} " +
               $"WHERE {Column(nameof(ChangeLogEntry.Position))} > @after ORDER BY {Column(nameof(ChangeLogEntry.Position))} LIMIT {Batch}";
    }

    private DbCommand RowsAfterCommand(OffenderMgmtDb db)
    {
        if (_rowsAfter is { } kept) return kept;
        var position = db.Model.FindEntityType(typeof(ChangeLogEntry))!.FindProperty(nameof(ChangeLogEntry.Position))!;
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = RowsAfterSql(db);
        var after = ((RelationalTypeMapping)position.GetRelationalTypeMapping()).CreateParameter(command, "@after", 0L, nullable: false);
        command.Parameters.Add(after);
        command.Prepare();
        (_rowsAfter, _after) = (command, after);
        return command;
    }

    private async Task<List<Row>> RowsAfterAsync(OffenderMgmtDb db, long after, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            // The statement's one parameter, @after, is position 1.
            _sqliteRowsAfter ??= SqliteStatement.Prepare(sqlite, RowsAfterSql(db));
            return _sqliteRowsAfter.Query([after], row => new Row(row.Int64(0), row.Text(1)));
        }
        var command = RowsAfterCommand(db);
        _after!.Value = after;
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(new Row(reader.GetInt64(0), reader.GetString(1)));
        return rows;
    }

    private async ValueTask<OffenderMgmtDb> SessionAsync(CancellationToken cancellationToken)
    {
        if (_db is { } open) return open;
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
            await db.Database.OpenConnectionAsync(cancellationToken);
            (_scope, _db) = (scope, db);
            return db;
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    private void ForgetSession()
    {
        var (scope, db, command, statement) = (_scope, _db, _rowsAfter, _sqliteRowsAfter);
        (_scope, _db, _rowsAfter, _after, _sqliteRowsAfter) = (null, null, null, null, null);
        command?.Dispose();
        // Finalised before its connection closes.
        statement?.Dispose();
        try
        {
            db?.Database.CloseConnection();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // Already broken: disposing the context lets it go all the same.
        }
        scope?.Dispose();
    }

    private async Task ApplyNewAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ApplyNewAsync(await SessionAsync(cancellationToken), cancellationToken);
        }
        catch
        {
            ForgetSession();
            throw;
        }
    }

    private async Task ApplyNewAsync(OffenderMgmtDb db, CancellationToken cancellationToken)
    {
        // Built only when needed: making the query's expression (AsNoTracking's generic method and
        // call node) was a fifth of a catch-up that found nothing.
        IQueryable<ChangeLogEntry> Log() => db.Set<ChangeLogEntry>().AsNoTracking();
        var applied = Interlocked.Read(ref _applied);
        if (applied < 0 || _stale)
        {
            // The first catch-up (views not built yet read everything themselves), or after the
            // log may have been missed: start from the newest row, every view rebuilt.
            var wasStale = _stale;
            _stale = false;
            var newest = await Log().MaxAsync(e => (long?)e.Position, cancellationToken) ?? 0;
            if (applied >= 0 || wasStale)
            {
                LogResync(newest);
                await ApplyAsync(ChangeSet.All());
            }
            Interlocked.Exchange(ref _applied, newest);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var merged = new ChangeSet();
        var last = applied;
        var rows = 0;
        while (true)
        {
            var batch = await RowsAfterAsync(db, last, cancellationToken);
            if (batch.Count == 0) break;
            if (rows == 0 && batch[0].Position > applied + 1 && applied > 0 &&
                !await Log().AnyAsync(e => e.Position <= applied, cancellationToken))
            {
                // Pruned past this instance: what was between is unknown.
                LogResync(batch[^1].Position);
                merged.Add(ChangeSet.All());
            }
            foreach (var row in batch) merged.Add(ChangeSet.FromJson(row.Changes));
            last = batch[^1].Position;
            rows += batch.Count;
            if (batch.Count < Batch) break;
        }
        if (rows == 0) return;
        // Applied in full or not at all: a view that fails keeps the rows for the next catch-up.
        await ApplyAsync(merged);
        Interlocked.Exchange(ref _applied, last);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogApplied(rows, last, elapsed.TotalMilliseconds);
    }

    public void Dispose()
    {
        ForgetSession();
        _gate.Dispose();
    }

    private async Task ApplyAsync(ChangeSet changes)
    {
        IChangeObserver[] observers;
        lock (_observers) observers = [.. _observers];
        // Past the read, the views are told whatever the caller does: no cancellation.
        foreach (var observer in observers) await observer.ApplyAsync(changes, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {Rows} change-log rows, up to position {Position}, in {Milliseconds:0.0} ms")]
    private partial void LogApplied(int rows, long position, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The views may have missed changes (listener connection lost, or the change log pruned past them): rebuilding them in full, up to position {Position}")]
    private partial void LogResync(long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catching up with the change log in the background failed; the next reader catches up itself")]
    private partial void LogCatchUpFailed(Exception exception);
}
