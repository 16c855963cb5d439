using Microsoft.EntityFrameworkCore;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Persistence;
using OffenderMgmt.Server.Security;

namespace OffenderMgmt.Server.Hosting;

/// <summary>
/// Administration from the server's command line, against the same database the server uses:
/// <code>
/// accounts add USERNAME --role ROLE [--officer COLLAR] [--name "Display Name"] [--scopes "orders:write orders:read-own"]   (password from stdin)
/// accounts scopes USERNAME --set "orders:write,orders:read-own"   (a service account's scopes, replaced; audited)
/// accounts disable USERNAME | accounts enable USERNAME | accounts list
/// import-areas FILE.geojson [--code-property P --name-property P --district-code-property P --district-name-property P]
/// migrate
/// </code>
/// </summary>
public static class AdminCommand
{
    private static readonly HashSet<string> ServerOptionsWithValue = ["--data-dir", "--seed", "--port", "--provider", "--connection-string"];

    public static bool IsAdminCommand(string[] args) => args.Length > 0 && args[0] is "accounts" or "import-areas" or "migrate";

    /// <summary>
    /// An operator's command answers in its own words: a refusal it handles (a username someone
    /// else took a moment before, checked by the database's unique index) is one line, not EF's
    /// log of the failed command with its stack trace. A failure it does not handle still ends
    /// the command with the exception.
    /// </summary>
    public static void ConfigureLogging(ILoggingBuilder logging, string[] args)
    {
        if (!IsAdminCommand(args)) return;
        logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        logging.AddFilter("Microsoft.EntityFrameworkCore.Update", LogLevel.Critical);
    }

    /// <summary>A first word that is neither an option nor a known command (a typo, say).</summary>
    public static bool IsUnknownCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !IsAdminCommand(args);

    /// <summary>The arguments that configure the host (which database), without the command's own.</summary>
    public static string[] ServerArguments(string[] args)
    {
        if (!IsAdminCommand(args)) return args;
        var kept = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (ServerOptionsWithValue.Contains(args[i]) && i + 1 < args.Length) kept.AddRange([args[i], args[++i]]);
            else if (args[i] == "--demo" || args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains('=', StringComparison.Ordinal)) kept.Add(args[i]);
        }
        return kept.ToArray();
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var words = CommandWords(args);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>();
        await DatabaseInitialiser.MigrateAsync(db, CancellationToken.None);
        try
        {
            return (words.ElementAtOrDefault(0), words.ElementAtOrDefault(1)) switch
            {
                ("accounts", "add") => await AddAccountAsync(scope.ServiceProvider, words, args),
                ("accounts", "scopes") => await SetScopesAsync(scope.ServiceProvider, words, args),
                ("accounts", "disable") => await SetDisabledAsync(scope.ServiceProvider, words, disabled: true),
                ("accounts", "enable") => await SetDisabledAsync(scope.ServiceProvider, words, disabled: false),
                ("accounts", "list") => await ListAccountsAsync(db),
                ("import-areas", _) => await ImportAreasAsync(scope.ServiceProvider, words, args),
                ("migrate", _) => Migrated(scope.ServiceProvider),
                _ => Usage(),
            };
        }
        catch (Common.DomainException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>The migrations were applied before the command ran; says to which database.</summary>
    private static int Migrated(IServiceProvider services)
    {
        Console.WriteLine($"Schema up to date: {services.GetRequiredService<DatabaseLocation>().Description}.");
        return 0;
    }

    private static async Task<int> AddAccountAsync(IServiceProvider services, List<string> words, string[] args)
    {
        if (words.Count < 3) return Usage();
        if (!RoleNames.TryParse(Option(args, "--role"), out var role))
        {
            await Console.Error.WriteLineAsync($"--role must be one of: {RoleNames.All}");
            return 2;
        }
        var db = services.GetRequiredService<OffenderMgmtDb>();
        Guid? officerId = null;
        if (Option(args, "--officer") is { } collar)
        {
            officerId = await db.Officers.Where(o => o.CollarNumber == collar).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
            if (officerId is null)
            {
                await Console.Error.WriteLineAsync($"No officer has collar number {collar}.");
                return 1;
            }
        }
        var password = await ReadPasswordAsync();
        var account = await services.GetRequiredService<AccountService>()
            .CreateAsync(words[2], Option(args, "--name") ?? "", role, officerId, password, CancellationToken.None, Option(args, "--scopes") ?? "");
        if (role == Role.Service && account.Scopes.Length == 0)
            Console.WriteLine($"Note: a service account without scopes reads and writes no personal data. Scopes: {string.Join(", ", ServiceScopes.All.Select(s => s.Name))}.");
        Console.WriteLine($"Created account '{account.Username}' ({account.Role.ToClaim()}{(account.Scopes.Length > 0 ? $"; scopes {account.Scopes}" : "")}).");
        return 0;
    }

    private static async Task<int> SetScopesAsync(IServiceProvider services, List<string> words, string[] args)
    {
        if (words.Count < 3 || Option(args, "--set") is not { } scopes) return Usage();
        // The audit entry names the operating-system user who ran the command.
        var (account, before) = await services.GetRequiredService<AccountService>()
            .SetScopesAsync(words[2], scopes, $"admin-command:{Environment.UserName}", CancellationToken.None);
        Console.WriteLine($"Account '{account.Username}': scopes '{before}' are now '{account.Scopes}' (other running instances apply it within Auth:AccountStatusLifetime).");
        return 0;
    }

    private static async Task<int> SetDisabledAsync(IServiceProvider services, List<string> words, bool disabled)
    {
        if (words.Count < 3) return Usage();
        var account = await services.GetRequiredService<AccountService>().SetDisabledAsync(words[2], disabled, CancellationToken.None);
        Console.WriteLine($"Account '{account.Username}' is now {(disabled ? "disabled" : "enabled")}.");
        return 0;
    }

    private static async Task<int> ListAccountsAsync(OffenderMgmtDb db)
    {
        foreach (var a in await db.UserAccounts.AsNoTracking().OrderBy(a => a.Username).ToListAsync())
            Console.WriteLine($"{a.Username,-24} {a.Role.ToClaim(),-17} {(a.Disabled ? "disabled" : "enabled"),-9} {a.DisplayName}{(a.Scopes.Length > 0 ? $"  [{a.Scopes}]" : "")}");
        return 0;
    }

    private static async Task<int> ImportAreasAsync(IServiceProvider services, List<string> words, string[] args)
    {
        if (words.Count < 2) return Usage();
        var defaults = new AreaPropertyNames();
        var names = new AreaPropertyNames(
            Option(args, "--code-property") ?? defaults.Code, Option(args, "--name-property") ?? defaults.Name,
            Option(args, "--district-code-property") ?? defaults.DistrictCode, Option(args, "--district-name-property") ?? defaults.DistrictName);
        await using var file = File.OpenRead(words[1]);
        Stream stream = words[1].EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress)
            : file;
        var result = await services.GetRequiredService<AreaImporter>().ImportAsync(stream, names, CancellationToken.None);
        Console.WriteLine($"Areas: {result.Added} added, {result.Updated} updated, {result.Removed} removed; {result.AddressesReclassified} addresses re-classified.");
        return 0;
    }

    /// <summary>The password, from standard input (piped) or typed without echo.</summary>
    private static async Task<string> ReadPasswordAsync()
    {
        if (Console.IsInputRedirected) return (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
        Console.Write("Password: ");
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace && password.Length > 0) password.Length--;
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        Console.WriteLine();
        return password.ToString();
    }

    private static List<string> CommandWords(string[] args)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (!args[i].Contains('=', StringComparison.Ordinal) && args[i] != "--demo" && i + 1 < args.Length) i++;
                continue;
            }
            words.Add(args[i]);
        }
        return words;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int Usage()
    {
        Console.Error.WriteLine("""
            usage: dotnet run --project server -- [--demo] [--data-dir PATH] [--port N] [--seed N]
                       [--provider sqlite|postgres] [--connection-string "Host=...;Database=...;Username=..."]
                   (serves gRPC; --demo serves the generated demo force)
                   dotnet run --project server -- <command> [--data-dir PATH | --demo] [--provider ... --connection-string ...]
              migrate
                  (applies the schema migrations and stops; for deployments with Storage:MigrateOnStart=false)
              accounts add USERNAME --role ROLE [--officer COLLAR] [--name "Display Name"] [--scopes "S1 S2"]
                  (reads the password from standard input; at least 12 characters;
                   --scopes for a service account, e.g. "orders:write orders:read-own people:match";
                   the README lists every scope)
              accounts scopes USERNAME --set "S1,S2"
                  (replaces a service account's scopes; --set "" removes them all; audited)
              accounts disable USERNAME
              accounts enable USERNAME
              accounts list
              import-areas FILE.geojson[.gz] [--code-property P] [--name-property P]
                  [--district-code-property P] [--district-name-property P]
            roles: offender-manager, supervisor, local-officer, analyst, partner-agency, service, admin
            """);
        return 2;
    }
}
