using System.Diagnostics;
using System.Globalization;

namespace Wayfarer.Testing;

/// <summary>
/// Deletes a server's folder from a helper process once the server has exited. The test runner may kill the
/// test host moments after its exit handlers start, and deleting a data directory takes longer; the helper
/// outlives it.
/// </summary>
internal static class DetachedCleanup
{
    // Waits up to 5 s for the pid to exit (a zombie counts as exited), kills it if it did not, then deletes the
    // folder. The work runs as an orphaned background job, in a session of its own where setsid exists, so that
    // killing the test host's process tree or group does not stop it.
    private const string Script = """
        (
          i=0
          while [ "$i" -lt 100 ] && [ -r "/proc/$1/stat" ]; do
            state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
            [ "$state" = Z ] && break
            sleep 0.05; i=$((i+1))
          done
          [ "$i" -lt 100 ] || kill -9 "$1" 2>/dev/null
          rm -rf -- "$2"
        ) </dev/null >/dev/null 2>&1 &
        """;

    private static readonly string? s_setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    internal static void Start(int pid, string directory)
    {
        try
        {
            var psi = new ProcessStartInfo(s_setsid ?? "/bin/sh")
            {
                UseShellExecute = false,
                // Own pipes, so the helper never holds the test host's stdout open for the test runner.
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var args = new List<string>();
            if (s_setsid is not null)
            {
                args.Add("/bin/sh");
            }

            args.AddRange(["-c", Script, "wayfarer-cleanup", pid.ToString(CultureInfo.InvariantCulture), directory]);
            foreach (var arg in args)
            {
                psi.ArgumentList.Add(arg);
            }

            using var process = Process.Start(psi);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // No shell: the next test process's StaleServerReaper deletes the folder.
        }
    }
}
