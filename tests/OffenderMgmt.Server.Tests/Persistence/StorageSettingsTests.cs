using Microsoft.Extensions.Options;
using OffenderMgmt.Server.Common;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Tests.Persistence;

/// <summary>Choosing the engine: settings, command line, what the banner says, and instants fit for either engine.</summary>
public sealed class StorageSettingsTests
{
    [Fact]
    public void The_command_line_names_the_engine_and_its_connection_string()
    {
        var args = CommandLine.Rewrite(["--demo", "--provider", "postgres", "--connection-string", "Host=127.0.0.1;Database=om;Username=app"]);
        Assert.Equal(["--Demo:Enabled=true", "--Storage:Provider=postgres", "--Storage:ConnectionString=Host=127.0.0.1;Database=om;Username=app"], args);
    }

    [Fact]
    public void An_admin_command_keeps_the_engine_options_for_the_host()
    {
        string[] args = ["migrate", "--provider", "postgres", "--connection-string", "Host=h;Database=d"];
        Assert.True(AdminCommand.IsAdminCommand(args));
        Assert.Equal(["--provider", "postgres", "--connection-string", "Host=h;Database=d"], AdminCommand.ServerArguments(args));
    }

    [Fact]
    public void Sqlite_is_the_default_and_lives_in_the_data_directory()
    {
        var storage = new StorageOptions { DataDirectory = "/srv/om" };
        Assert.Equal(StorageProvider.Sqlite, storage.Provider);
        Assert.True(storage.MigrateOnStart);
        Assert.Contains("/srv/om/demo/offendermgmt.db", storage.ResolveConnectionString(demo: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_at_start_with_the_setting_named()
    {
        var storage = new StorageOptions { Provider = StorageProvider.Postgres };
        var refusal = Assert.Throws<OptionsValidationException>(() => storage.ResolveConnectionString(demo: false));
        Assert.Contains("Storage:ConnectionString", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_banner_names_the_engine_and_where_but_never_the_password()
    {
        var postgres = DatabaseEngine.Describe(StorageProvider.Postgres, "Host=db.example;Port=5433;Database=om;Username=app;Password=secret-value");
        Assert.Equal("PostgreSQL database 'om' on db.example:5433 as app", postgres);
        Assert.DoesNotContain("secret", postgres, StringComparison.Ordinal);
        Assert.StartsWith("SQLite file /", DatabaseEngine.Describe(StorageProvider.Sqlite, "Data Source=/tmp/x.db"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_time_in_summer_becomes_an_instant_in_utc()
    {
        // Npgsql refuses a timestamptz parameter with any offset but zero; the workload and IOM
        // agenda queries pass these instants to the database.
        var clock = new ForceClock(TimeProvider.System, ForceClock.FindZone("Europe/London"));
        var midnight = clock.ToInstant(new DateOnly(2026, 7, 1), TimeOnly.MinValue);
        Assert.Equal(TimeSpan.Zero, midnight.Offset);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero), midnight);
    }
}
