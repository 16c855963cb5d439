using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Migrations.Postgres;

/// <summary>
/// The context as <c>dotnet ef</c> sees it when this project is both target and start-up
/// project: PostgreSQL, with this assembly's migrations. Adding a migration or checking for
/// model changes connects to nothing; <c>database update</c> would use OFFENDERMGMT_PG.
/// </summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<OffenderMgmtDb>
{
    public OffenderMgmtDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OffenderMgmtDb>();
        DatabaseEngine.Configure(options, StorageProvider.Postgres,
            Environment.GetEnvironmentVariable("OFFENDERMGMT_PG") ?? "Host=127.0.0.1;Database=offendermgmt_design;Username=postgres");
        return new OffenderMgmtDb(options.Options);
    }
}
