using Microsoft.Extensions.Logging;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using OffenderMgmt.Contracts.V1;
using OffenderMgmt.Server.Security;
using Role = OffenderMgmt.Server.Security.Role;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OffenderMgmt.Server.Areas;
using OffenderMgmt.Server.Demo;
using OffenderMgmt.Server.Hosting;
using OffenderMgmt.Server.Persistence;

namespace OffenderMgmt.Testing;

/// <summary>
/// The real server in process: a fake clock, the real Bedfordshire ward boundaries, and its own
/// database (<see cref="TestDatabase"/>: a temporary SQLite file in WAL with pooled connections,
/// exactly as in production, or a fresh PostgreSQL database when the run chooses PostgreSQL),
/// deleted afterwards. With <c>demo: true</c> it serves the demo force.
/// </summary>
public class ServerFactory : WebApplicationFactory<Program>
{
    /// <summary>"Today" in every test: a Thursday in November, outside summer time.</summary>
    public static readonly DateTimeOffset StartTime = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly bool _demo;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public ServerFactory() : this(demo: false) { }

    protected ServerFactory(bool demo) : this(demo, shared: null) { }

    /// <summary>
    /// A server on <paramref name="shared"/> when given (another instance of the same deployment,
    /// see <see cref="TwoInstances"/>; the caller disposes it), else on a database of its own.
    /// Not public: xunit wants a class fixture to have one public constructor.
    /// </summary>
    internal ServerFactory(bool demo, TestDatabase? shared, IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _demo = demo;
        _ownsDatabase = shared is null;
        _database = shared ?? new TestDatabase();
    }

    public FakeTimeProvider Clock { get; } = new(StartTime);

    /// <summary>The password of every account the tests make, demo accounts included.</summary>
    public const string Password = "test-password-2016";

    private static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Sign-in attempts a minute per account; only the rate-limit test lowers it.</summary>
    protected virtual int SignInLimit => 100_000;

    private readonly Dictionary<string, string> _tokens = [];

    /// <summary>Signs in (through the real Auth service) and returns the access token.</summary>
    public async Task<string> TokenFor(string username)
    {
        lock (_tokens)
        {
            if (_tokens.TryGetValue(username, out var cached)) return cached;
        }
        var auth = new Auth.AuthClient(Channel());
        var response = await auth.SignInAsync(new SignInRequest { Username = username, Password = Password });
        lock (_tokens) _tokens[username] = response.AccessToken;
        return response.AccessToken;
    }

    /// <summary>
    /// Calls as the given account, stating the given purpose. The token is looked up at each
    /// call, so clients keep working after <see cref="AdvanceClockAsync"/> signs everyone in again.
    /// </summary>
    public async Task<CallInvoker> As(string username, string purpose = "case-management")
    {
        await TokenFor(username);
        return Channel().Intercept(metadata =>
        {
            lock (_tokens) metadata.Add("authorization", $"Bearer {_tokens[username]}");
            if (purpose.Length > 0) metadata.Add("x-access-purpose", purpose);
            return metadata;
        });
    }

    /// <summary>Moves the server's clock on, and signs the tests' accounts in again (their tokens would have expired).</summary>
    public async Task AdvanceClockAsync(TimeSpan by)
    {
        Clock.Advance(by);
        List<string> usernames;
        lock (_tokens)
        {
            usernames = _tokens.Keys.ToList();
            _tokens.Clear();
        }
        foreach (var username in usernames) await TokenFor(username);
    }

    /// <summary>Calls with exactly these headers (empty values are left out).</summary>
    public CallInvoker WithHeaders(params (string Name, string Value)[] headers) =>
        Channel().Intercept(metadata =>
        {
            foreach (var (name, value) in headers)
                if (value.Length > 0) metadata.Add(name, value);
            return metadata;
        });

    /// <summary>Calls with no token at all.</summary>
    public CallInvoker Anonymous(string purpose = "case-management") => WithHeaders(("x-access-purpose", purpose));

    /// <summary>
    /// Creates a local account directly (the admin command's path). A service account gets the
    /// scopes given, or every scope when none are given (tests of other things use a service as
    /// a general feed; the scope tests give scopes explicitly).
    /// </summary>
    public Task<Guid> CreateAccountAsync(string username, Role role, Guid? officerId = null, string? scopes = null) =>
        WithDb(async db =>
        {
            await using var scope = Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            scopes ??= role == Role.Service ? ServiceScopes.ToText(ServiceScopes.All.Select(s => s.Name)) : "";
            var account = await accounts.CreateAsync(username, username, role, officerId, Password, CancellationToken.None, scopes);
            return account.Id;
        });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorLogFile()));
        builder.UseSetting("Demo:Enabled", _demo ? "true" : "false");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        // Instances sharing a database are configured as a multi-instance deployment (one signing key, checked at start).
        if (!_ownsDatabase)
        {
            builder.UseSetting("Storage:MultiInstance", "true");
            builder.UseSetting("Storage:Provider", TestDatabase.Provider.ToString());
            builder.UseSetting("Storage:ConnectionString", _database.ConnectionString);
        }
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        // Tests sign in and search far faster than a person; the limits have their own test.
        builder.UseSetting("Auth:SignInAttemptsPerMinute", SignInLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Auth:SearchesPerMinute", "100000");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            foreach (var descriptor in services.Where(d =>
                         d.ServiceType == typeof(DbContextOptions<OffenderMgmtDb>) ||
                         d.ServiceType == typeof(IDbContextOptionsConfiguration<OffenderMgmtDb>)).ToList())
            {
                services.Remove(descriptor);
            }
            services.AddOffenderMgmtDb(TestDatabase.Provider, _database.ConnectionString);
        });
    }

    private GrpcChannel? _channel;

    /// <summary>The gRPC channel to the in-process server (starting it on first use).</summary>
    public GrpcChannel Channel()
    {
        lock (_tokens)
        {
            return _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
            {
                HttpHandler = Server.CreateHandler(),
                MaxReceiveMessageSize = 32 * 1024 * 1024,
                MaxSendMessageSize = 32 * 1024 * 1024,
            });
        }
    }

    /// <summary>Runs code against the database directly, for arranging and for checking what was stored.</summary>
    public async Task<T> WithDb<T>(Func<OffenderMgmtDb, Task<T>> work)
    {
        _ = Server;  // make sure the host (and its migrations) has started
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OffenderMgmtDb>());
    }

    public async Task WithDb(Func<OffenderMgmtDb, Task> work) =>
        await WithDb(async db => { await work(db); return true; });

    /// <summary>Imports the real Bedfordshire wards (the demo force does this itself).</summary>
    public async Task ImportBedfordshireAsync()
    {
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<AreaImporter>();
        await using var file = File.OpenRead(DemoSeeder.BoundaryFile);
        await importer.ImportAsync(file, new AreaPropertyNames(), CancellationToken.None);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        _channel?.Dispose();
        if (_ownsDatabase) _database.Dispose();
    }
}

/// <summary>The in-process server serving the demo force (built once per test class).</summary>
public sealed class DemoServerFactory() : ServerFactory(demo: true);
