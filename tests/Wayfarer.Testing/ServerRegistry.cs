namespace Wayfarer.Testing;

/// <summary>
/// Every server this process started and has not yet disposed. On <see cref="AppDomain.ProcessExit"/> the
/// registry stops whatever is left, so shared servers and undisposed ones are not left behind.
/// Servers of a process that died without running its exit handlers are reaped by <see cref="StaleServerReaper"/>.
/// </summary>
internal static class ServerRegistry
{
    private static readonly HashSet<IOwnedServer> s_live = [];
    private static bool s_hooked;

    internal static void Register(IOwnedServer server)
    {
        lock (s_live)
        {
            if (!s_hooked)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
                s_hooked = true;
            }

            s_live.Add(server);
        }
    }

    internal static void Unregister(IOwnedServer server)
    {
        lock (s_live)
        {
            s_live.Remove(server);
        }
    }

    /// <summary>
    /// Signals every server first and only then starts the slower folder clean-up: the test runner may kill
    /// the test host shortly after its exit handlers begin.
    /// </summary>
    private static void StopAll()
    {
        IOwnedServer[] left;
        lock (s_live)
        {
            left = [.. s_live];
            s_live.Clear();
        }

        foreach (var server in left)
        {
            Try(server.SignalStop);
        }

        foreach (var server in left)
        {
            Try(server.ScheduleDetachedCleanup);
        }
    }

    private static void Try(Action action)
    {
        try
        {
            action();
        }
        catch (Exception)
        {
            // Best effort while the process exits; the next run's reaper removes what is left.
        }
    }
}
