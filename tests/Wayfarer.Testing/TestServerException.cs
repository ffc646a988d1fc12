namespace Wayfarer.Testing;

/// <summary>A throwaway test server could not be found, started, stopped or reached.</summary>
public sealed class TestServerException : Exception
{
    public TestServerException(string message, string? logTail = null, Exception? inner = null)
        : base(logTail is { Length: > 0 } ? $"{message}{Environment.NewLine}--- server log (tail) ---{Environment.NewLine}{logTail}" : message, inner)
    {
        LogTail = logTail;
    }

    /// <summary>The last lines of the server's log when the failure came from the server, else null.</summary>
    public string? LogTail { get; }
}
