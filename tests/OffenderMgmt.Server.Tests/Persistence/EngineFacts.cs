using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.Persistence;

/// <summary>A test that only means something on SQLite (its file tuning, say): skipped on PostgreSQL runs.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres) Skip = "SQLite only: this run is on PostgreSQL";
    }
}

/// <summary>A test of PostgreSQL's own behaviour: skipped unless the run is on PostgreSQL.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres) Skip = $"PostgreSQL only: set {TestDatabase.ProviderVariable}=postgres and {TestDatabase.PostgresVariable}";
    }
}
