using Microsoft.Extensions.Logging;

namespace OffenderMgmt.Testing;

/// <summary>
/// Writes the test servers' errors (with stack traces) to offendermgmt-tests/server-errors.log in
/// the temp directory, since an INTERNAL status deliberately hides them from the caller.
/// </summary>
public sealed class ErrorLogFile : ILoggerProvider
{
    public static readonly string PathName = Path.Combine(Path.GetTempPath(), "offendermgmt-tests", "server-errors.log");
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(categoryName);

    public void Dispose() { }

    private sealed class FileLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            lock (Gate)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(PathName)!);
                File.AppendAllText(PathName, $"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}\n{exception}\n\n");
            }
        }
    }
}
