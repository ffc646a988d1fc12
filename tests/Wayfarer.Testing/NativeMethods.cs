using System.Runtime.InteropServices;

namespace Wayfarer.Testing;

internal static class NativeMethods
{
    internal const int SigKill = 9;
    internal const int SigQuit = 3;

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    internal static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when there is no such process we may signal.</summary>
    internal static bool Signal(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;
}
