using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using OffenderMgmt.Contracts.V1;

namespace OffenderMgmt.Testing;

/// <summary>
/// The real server as a child process (<c>dotnet server/bin/.../OffenderMgmt.Server.dll</c>) on a
/// loopback port, with settings given as <c>--Key=value</c> arguments; or one of its admin
/// commands run to completion. For tests that need a real process: a kill -9, two instances on
/// one PostgreSQL (issue 15). Disposing kills whatever is still running.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _errors = [];
    private GrpcChannel? _channel;

    public Uri Address { get; }
    public int Port { get; }

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>The server's build output (Debug or Release, as this test run).</summary>
    public static string ServerDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OffenderMgmt.sln"))) dir = dir.Parent;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(dir!.FullName, "server", "bin", configuration, "net10.0", "OffenderMgmt.Server.dll");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // Its own folder, so it reads its own appsettings.json (HTTP/2 endpoints) as in production.
            WorkingDirectory = Path.GetDirectoryName(ServerDll())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(ServerDll());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        return start;
    }

    /// <summary>Starts the server on <paramref name="port"/> (a free one if 0) and waits until it says it is serving.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int port = 0, TimeSpan? timeout = null)
    {
        port = port == 0 ? FreePort() : port;
        var all = new Dictionary<string, string>(settings) { ["urls"] = $"http://127.0.0.1:{port}" };
        all.TryAdd("Logging:LogLevel:Default", "Warning");
        var process = Process.Start(StartInfo([], all))!;
        var server = new ServerProcess(process, port);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("OffenderMgmt is serving", StringComparison.Ordinal) == true) ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line) lock (server._errors) server._errors.Add(line);
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"the server exited before it was ready: {server.Errors}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(timeout ?? TimeSpan.FromMinutes(3));
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    /// <summary>Runs an admin command (<c>accounts add ...</c>, <c>import-areas FILE</c>) with the settings, <paramref name="input"/> on its standard input; returns its output, or throws if it fails.</summary>
    public static async Task<string> RunCommandAsync(IReadOnlyDictionary<string, string> settings, string? input, params string[] command)
    {
        var all = new Dictionary<string, string>(settings);
        all.TryAdd("Logging:LogLevel:Default", "Warning");
        using var process = Process.Start(StartInfo(command, all))!;
        if (input is not null) await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{string.Join(' ', command)}' exited {process.ExitCode}: {await errors}");
        return await output;
    }

    /// <summary>What the server wrote to standard error so far.</summary>
    public string Errors
    {
        get
        {
            lock (_errors) return string.Join(Environment.NewLine, _errors);
        }
    }

    public bool HasExited => _process.HasExited;

    public GrpcChannel Channel() => _channel ??= GrpcChannel.ForAddress(Address, new GrpcChannelOptions { MaxReceiveMessageSize = 32 * 1024 * 1024 });

    /// <summary>Signs in and returns calls that carry the token and the purpose.</summary>
    public async Task<CallInvoker> SignedInAsync(string username, string password, string purpose = "case-management")
    {
        var token = (await new Auth.AuthClient(Channel()).SignInAsync(new SignInRequest { Username = username, Password = password })).AccessToken;
        return Channel().Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {token}");
            if (purpose.Length > 0) metadata.Add("x-access-purpose", purpose);
            return metadata;
        });
    }

    /// <summary>kill -9: no drain, no goodbye.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        _channel?.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
