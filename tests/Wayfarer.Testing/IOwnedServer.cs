namespace Wayfarer.Testing;

/// <summary>A server process this test process started and must not leave behind.</summary>
internal interface IOwnedServer
{
    /// <summary>Sends the server its stop signal without waiting; for process exit.</summary>
    void SignalStop();

    /// <summary>Hands the wait for the server's exit and the deletion of its folder to a detached helper process.</summary>
    void ScheduleDetachedCleanup();
}
