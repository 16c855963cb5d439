using OffenderMgmt.Testing;

namespace OffenderMgmt.Tests.MultiInstance;

/// <summary>A test that needs several instances on one PostgreSQL database: skipped, saying why, on a SQLite run.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
            Skip = $"needs PostgreSQL: several instances share one PostgreSQL database (set {TestDatabase.ProviderVariable}=postgres and {TestDatabase.PostgresVariable}, as .ci/run does)";
    }
}
