using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OffenderMgmt.Bench.Measurement;

/// <summary>
/// The real server, started as its own process from its own build output (its deps.json and
/// appsettings.json), on a loopback port, over the given database. Its output goes to a log
/// file, not the console. Disposing stops it (this process only, by its id).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, StreamWriter log, int port)
    {
        _process = process;
        _log = log;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    public static ServerProcess Start(string serverAssembly, string connectionString, string dataDirectory, string logPath, IEnumerable<string> settings,
        IReadOnlyDictionary<string, string>? environment = null, int port = 0)
    {
        if (!File.Exists(serverAssembly))
            throw new FileNotFoundException($"The server is not built at {serverAssembly}; build the solution in the same configuration first.", serverAssembly);
        if (port == 0) port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(serverAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverAssembly);
        start.ArgumentList.Add($"--Storage:ConnectionString={connectionString}");
        start.ArgumentList.Add($"--Storage:DataDirectory={dataDirectory}");
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, log, port);
    }

    /// <summary>Waits until the port accepts connections (migrations and index loading done first).</summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The server exited with code {_process.ExitCode}; see its log.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
        throw new TimeoutException($"The server did not listen on port {Port} within {timeout.TotalSeconds:0} s.");
    }

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time the server has used so far, all threads, user and kernel.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The server's process id (for a profiler to attach to).</summary>
    public int ProcessId => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>Resident memory of the server process, in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
