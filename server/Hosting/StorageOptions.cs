namespace OffenderMgmt.Server.Hosting;

/// <summary>Where the database lives (section "Storage").</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// The data directory. Empty means the user's local application data folder
    /// (~/.local/share/OffenderMgmt on Linux). Demo mode uses its "demo" sub-folder so demo
    /// data never mixes with real data.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    public string DatabaseFileName { get; set; } = "offendermgmt.db";

    /// <summary>
    /// Which engine holds the data: <see cref="StorageProvider.Sqlite"/> (the default, one file
    /// under the data directory) or <see cref="StorageProvider.Postgres"/> (a server named by
    /// <see cref="ConnectionString"/>).
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// A full connection string: required for PostgreSQL; for SQLite it overrides the data
    /// directory (tests use it).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Apply migrations when the server starts (default). A deployment where one runner migrates
    /// (the <c>migrate</c> command) turns it off for the servers.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Several server instances share this database (PostgreSQL only). Each then needs the same
    /// configured signing key (or external sign-in), checked at start.
    /// </summary>
    public bool MultiInstance { get; set; }

    /// <summary>
    /// PostgreSQL: hold a connection that LISTENs for other instances' commits (default), so
    /// views are warm and alert watchers hear of another instance's alerts at once. It needs a
    /// direct connection (LISTEN does not pass a pooler in transaction mode); turned off, views
    /// still follow every commit (each read catches up with the change log) and alerts from
    /// other instances arrive at the next heartbeat.
    /// </summary>
    public bool ListenForChanges { get; set; } = true;

    /// <summary>
    /// PostgreSQL: where the change listener connects, when not <see cref="ConnectionString"/>.
    /// LISTEN needs a session of its own, which pgbouncer in transaction (or statement) pooling
    /// cannot give: behind such a pooler, point this straight at PostgreSQL (same database).
    /// </summary>
    public string? ListenConnectionString { get; set; }

    public string ResolveDirectory(bool demo)
    {
        var root = string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "OffenderMgmt")
            : Path.GetFullPath(DataDirectory);
        return demo ? Path.Combine(root, "demo") : root;
    }

    public string ResolveDatabasePath(bool demo) => Path.Combine(ResolveDirectory(demo), DatabaseFileName);

    /// <summary>
    /// The connection string for the chosen engine: the one given, or (SQLite only) the file in
    /// the data directory. Throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
    /// at start when PostgreSQL is chosen without one.
    /// </summary>
    public string ResolveConnectionString(bool demo)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString;
        if (Provider == StorageProvider.Postgres)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException("Storage", typeof(StorageOptions),
                ["Storage:Provider is Postgres, so Storage:ConnectionString (--connection-string \"Host=...;Database=...;Username=...\") is required."]);
        }
        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = ResolveDatabasePath(demo), Pooling = true }.ToString();
    }
}

/// <summary>The engine and connection string the server was started with.</summary>
public sealed record DatabaseLocation(StorageProvider Provider, string ConnectionString)
{
    public string Description => Persistence.DatabaseEngine.Describe(Provider, ConnectionString);
}

/// <summary>The database engines OffenderMgmt runs on.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The force this server serves (section "Force").</summary>
public sealed class ForceOptions
{
    public string Name { get; set; } = "Bedfordshire Police";
    /// <summary>IANA time zone for due dates, curfews and "today".</summary>
    public string TimeZone { get; set; } = "Europe/London";
}

/// <summary>Demo mode (section "Demo"; <c>--demo</c> on the command line).</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; }
    /// <summary>Seed of the deterministic demo generator: the same seed gives the same force.</summary>
    public int Seed { get; set; } = 2016;

    /// <summary>
    /// The password of every demo account (demo.manager, demo.supervisor...). Demo only: a real
    /// deployment creates its accounts with the accounts command.
    /// </summary>
    public string Password { get; set; } = "demo-only-password";
}
