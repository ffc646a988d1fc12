namespace Wayfarer.Testing;

/// <summary>Facts about other processes read from /proc (Linux only).</summary>
internal static class ProcessInfo
{
    /// <summary>True when <paramref name="pid"/> exists and is not a zombie (containers may leave zombies unreaped).</summary>
    internal static bool IsAlive(int pid)
    {
        var stat = ReadStat(pid);
        return stat is not null && stat.Value.State != 'Z' && stat.Value.State != 'X';
    }

    /// <summary>The start time of <paramref name="pid"/> in clock ticks since boot; pairs with the pid against pid reuse.</summary>
    internal static long? StartTicks(int pid) => ReadStat(pid)?.StartTicks;

    internal static bool CommandLineContains(int pid, string text)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains(text, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(25, ct).ConfigureAwait(false);
        }

        return true;
    }

    internal static bool WaitForExit(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            Thread.Sleep(25);
        }

        return true;
    }

    private static (char State, long StartTicks)? ReadStat(int pid)
    {
        if (pid <= 0)
        {
            return null;
        }

        try
        {
            // Fields after the parenthesised command name: state is field 3, starttime field 22.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], long.Parse(fields[19], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
