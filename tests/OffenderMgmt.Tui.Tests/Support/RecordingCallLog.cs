using System.Collections.Concurrent;
using OffenderMgmt.Tui.Gateway;

namespace OffenderMgmt.Tui.Tests.Support;

/// <summary>Keeps what the client would write to its log file, to check what goes in it.</summary>
public sealed class RecordingCallLog : ICallLog
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void CallEnded(string method, string status, TimeSpan elapsed) => Lines.Enqueue($"call {method} {status}");

    public void Note(string name) => Lines.Enqueue(name);
}
