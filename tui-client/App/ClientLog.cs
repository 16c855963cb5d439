using System.Globalization;
using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.App;

/// <summary>
/// The client's log file: one line per call (method, status code, milliseconds) and per event
/// (fixed names such as "signed-in as OffenderManager"). <see cref="ICallLog"/> never passes
/// names, ids, server messages or anything typed, so the file holds no personal data.
/// A log that cannot be written is given up on quietly: it must never stop an officer working.
/// </summary>
public sealed class ClientLog : ICallLog, IDisposable
{
    private readonly Lock _gate = new();
    private StreamWriter? _writer;

    private ClientLog(StreamWriter? writer) => _writer = writer;

    public string? Path { get; private init; }

    /// <summary>The default place: $XDG_STATE_HOME/offendermgmt (or ~/.local/state/offendermgmt) / tui-client.log.</summary>
    public static string DefaultPath()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrWhiteSpace(state))
            state = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return System.IO.Path.Combine(state, "offendermgmt", "tui-client.log");
    }

    public static ClientLog Open(string? path)
    {
        if (path is null) return new ClientLog(null);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            return new ClientLog(new StreamWriter(stream) { AutoFlush = true }) { Path = path };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ClientLog(null);
        }
    }

    public void CallEnded(string method, string status, TimeSpan elapsed) =>
        Write(string.Create(CultureInfo.InvariantCulture, $"call {method} {status} {elapsed.TotalMilliseconds:0}ms"));

    public void Note(string name) => Write(name);

    private void Write(string line)
    {
        lock (_gate)
        {
            if (_writer is null) return;
            try
            {
                _writer.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {line}");
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                _writer = null;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }
}
