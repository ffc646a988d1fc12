using System.Diagnostics;
using System.Text;

namespace Wayfarer.Testing;

internal static class ProcessRunner
{
    internal readonly record struct Result(int ExitCode, string Output);

    /// <summary>Runs a short-lived command to completion, capturing stdout and stderr together.</summary>
    internal static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> args, string workingDirectory, TimeSpan timeout, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new TestServerException($"could not run '{fileName}': {ex.Message}", inner: ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            ct.ThrowIfCancellationRequested();
            throw new TestServerException(
                $"'{fileName} {string.Join(' ', psi.ArgumentList)}' did not finish within {timeout.TotalSeconds:0}s", Tail(output));
        }

        return new Result(process.ExitCode, Tail(output));
    }

    internal static string Command(IEnumerable<string> parts) => string.Join(' ', parts);

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sb)
        {
            sb.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder sb)
    {
        lock (sb)
        {
            return LogTail.Of(sb.ToString());
        }
    }
}
