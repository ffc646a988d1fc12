using System.Globalization;

namespace Wayfarer.Testing;

/// <summary>
/// Stops servers and deletes folders left by earlier test processes that died without cleaning up
/// (killed test hosts, hangs stopped by a CI timeout). Runs once per process, before the first start.
/// </summary>
internal static class StaleServerReaper
{
    private static readonly Lazy<bool> s_once = new(Reap);
    private static readonly TimeSpan s_ownerlessGrace = TimeSpan.FromMinutes(10);

    internal static void ReapOnce() => _ = s_once.Value;

    private static bool Reap()
    {
        string[] dirs;
        try
        {
            dirs = Directory.GetDirectories(Path.GetTempPath(), ServerDirectory.NamePrefix + "*");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        foreach (var dir in dirs)
        {
            try
            {
                if (IsAbandoned(dir))
                {
                    StopServerIn(dir);
                    ServerDirectory.DeleteQuietly(dir);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another user's folder or one being deleted concurrently: not ours to clean.
            }
        }

        return true;
    }

    private static bool IsAbandoned(string dir)
    {
        var ownerFile = Path.Combine(dir, ServerDirectory.OwnerFile);
        if (!File.Exists(ownerFile))
        {
            // Either being created right now or broken long ago.
            return DateTime.UtcNow - Directory.GetLastWriteTimeUtc(dir) > s_ownerlessGrace;
        }

        var parts = File.ReadAllText(ownerFile).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2
            || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks))
        {
            return true;
        }

        return !(ProcessInfo.IsAlive(pid) && ProcessInfo.StartTicks(pid) == ticks);
    }

    private static void StopServerIn(string dir)
    {
        var (pidFile, marker, signal) = File.Exists(Path.Combine(dir, "data", "postmaster.pid"))
            ? (Path.Combine(dir, "data", "postmaster.pid"), "postgres", NativeMethods.SigQuit)
            : (Path.Combine(dir, RedisServer.PidFileName), "redis", NativeMethods.SigKill);
        if (!File.Exists(pidFile))
        {
            return;
        }

        var firstLine = File.ReadLines(pidFile).FirstOrDefault();
        if (!int.TryParse(firstLine, CultureInfo.InvariantCulture, out var pid)
            || !ProcessInfo.IsAlive(pid)
            || !ProcessInfo.CommandLineContains(pid, marker))
        {
            return;
        }

        NativeMethods.Signal(pid, signal);
        if (!ProcessInfo.WaitForExit(pid, TimeSpan.FromSeconds(5)))
        {
            NativeMethods.Signal(pid, NativeMethods.SigKill);
            ProcessInfo.WaitForExit(pid, TimeSpan.FromSeconds(2));
        }
    }
}
