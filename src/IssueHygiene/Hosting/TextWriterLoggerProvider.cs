using Microsoft.Extensions.Logging;

namespace IssueHygiene.Hosting;

/// <summary>
/// The CLI commands' logger: one line per entry on the command's error writer (stderr), never on stdout, which carries
/// only the command's data (<c>report --format json &gt; out.json</c> must parse). An exception adds its type and
/// message to the line, not its stack trace: a retry against a flaky GitLab is a warning, not a crash report.
/// </summary>
public sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new LineLogger(this, categoryName);

    public void Dispose()
    {
        // The writer belongs to the caller (stderr, or a test's buffer).
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
        }
    }

    private sealed class LineLogger(TextWriterLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception).ReplaceLineEndings(" ");
            var cause = exception is null ? string.Empty : $" ({exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")})";
            provider.Write($"{Level(logLevel)}: {category}[{eventId.Id}] {message}{cause}");
        }

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
