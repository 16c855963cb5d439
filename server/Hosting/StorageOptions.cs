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

    /// <summary>A full connection string, overriding the data directory (e.g. for PostgreSQL-like setups or tests).</summary>
    public string? ConnectionString { get; set; }

    public string ResolveDirectory(bool demo)
    {
        var root = string.IsNullOrWhiteSpace(DataDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "OffenderMgmt")
            : Path.GetFullPath(DataDirectory);
        return demo ? Path.Combine(root, "demo") : root;
    }

    public string ResolveDatabasePath(bool demo) => Path.Combine(ResolveDirectory(demo), DatabaseFileName);
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
