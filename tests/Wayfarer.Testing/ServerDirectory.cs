using System.Globalization;
using System.Security.Cryptography;

namespace Wayfarer.Testing;

/// <summary>
/// A private folder under the temp directory holding one throwaway server's data, socket and log,
/// tagged with the owning process so that <see cref="StaleServerReaper"/> can clean up after a crashed run.
/// </summary>
internal sealed class ServerDirectory
{
    internal const string NamePrefix = "wayfarer-test-";
    internal const string OwnerFile = "owner";

    private ServerDirectory(string path) => Path = path;

    internal string Path { get; }

    internal static ServerDirectory Create(string kind)
    {
        var name = $"{NamePrefix}{kind}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var self = Environment.ProcessId;
        File.WriteAllText(
            System.IO.Path.Combine(path, OwnerFile),
            string.Create(CultureInfo.InvariantCulture, $"{self} {ProcessInfo.StartTicks(self) ?? 0}\n"));
        return new ServerDirectory(path);
    }

    internal string PathOf(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Hands the folder to the postgres user (PostgreSQL refuses to run as root).</summary>
    internal async Task ChownToPostgresAsync(CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync(
            "chown", ["-R", "postgres:postgres", Path], System.IO.Path.GetTempPath(), TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new TestServerException(
                $"chown -R postgres:postgres {Path} failed (exit {result.ExitCode}); is the 'postgres' user there? Run ./test.sh to install PostgreSQL.",
                result.Output);
        }
    }

    internal void Delete() => DeleteQuietly(Path);

    internal static void DeleteQuietly(string path)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A server that is still shutting down may write a last file; try again shortly.
                Thread.Sleep(50);
            }
        }
    }
}
