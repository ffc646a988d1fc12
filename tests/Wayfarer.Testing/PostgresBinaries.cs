using System.Globalization;

namespace Wayfarer.Testing;

/// <summary>Locates the newest local PostgreSQL server binaries and the way to run them.</summary>
internal static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The newest <c>/usr/lib/postgresql/N/bin</c> that holds initdb and pg_ctl.</summary>
    internal static string FindBinDirectory()
    {
        var candidates = Directory.Exists(DebianRoot) ? Directory.GetDirectories(DebianRoot) : [];
        var best = candidates
            .Select(dir => (dir, version: ParseVersion(Path.GetFileName(dir))))
            .Where(c => c.version is not null && File.Exists(Path.Combine(c.dir, "bin", "initdb")) && File.Exists(Path.Combine(c.dir, "bin", "pg_ctl")))
            .OrderByDescending(c => c.version)
            .Select(c => Path.Combine(c.dir, "bin"))
            .FirstOrDefault();
        return best ?? throw new TestServerException(
            $"PostgreSQL server binaries were not found ({DebianRoot}/*/bin/initdb). Run ./test.sh from the repository root " +
            "once (it installs the 'postgresql' and 'redis-server' packages), or set WAYFARER_TEST_PG to the connection string " +
            "of a server where the role may create databases.");
    }

    /// <summary>
    /// The command line that runs <paramref name="tool"/>: directly, or through <c>runuser -u postgres --</c>
    /// when this process is root, because initdb and pg_ctl refuse to run as root.
    /// </summary>
    internal static (string FileName, List<string> Args) Command(string tool, IEnumerable<string> args)
    {
        if (!NativeMethods.IsRoot)
        {
            return (tool, [.. args]);
        }

        return (FindRunuser(), ["-u", "postgres", "--", tool, .. args]);
    }

    private static string FindRunuser()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var found = path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"])
            .Select(dir => Path.Combine(dir, "runuser"))
            .FirstOrDefault(File.Exists);
        return found ?? throw new TestServerException(
            "running as root, but 'runuser' (util-linux) was not found; it is needed to run PostgreSQL as the postgres user");
    }

    private static Version? ParseVersion(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? new Version(major, 0)
        : Version.TryParse(name, out var v) ? v
        : null;
}
