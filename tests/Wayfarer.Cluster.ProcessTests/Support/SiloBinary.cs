namespace Wayfarer.Cluster.ProcessTests.Support;

/// <summary>Finds <c>Wayfarer.Silo.dll</c> built with the same configuration as the running test assembly.</summary>
public static class SiloBinary
{
    private static readonly Lazy<string> s_path = new(Locate);

    /// <summary>The full path of the silo's entry assembly.</summary>
    public static string Path => s_path.Value;

    private static string Locate()
    {
        // <repo>/tests/<project>/bin/<Configuration>/<tfm>/<assembly>.dll
        var assemblyDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var tfm = assemblyDirectory.Name;
        var configuration = assemblyDirectory.Parent?.Name ?? "Release";
        var repo = assemblyDirectory;
        while (repo is not null && !File.Exists(System.IO.Path.Combine(repo.FullName, "Wayfarer.slnx")))
        {
            repo = repo.Parent;
        }

        if (repo is null)
        {
            throw new InvalidOperationException($"no Wayfarer.slnx above {AppContext.BaseDirectory}");
        }

        var path = System.IO.Path.Combine(repo.FullName, "silo", "Wayfarer.Silo", "bin", configuration, tfm, "Wayfarer.Silo.dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: build the solution (the test project references the silo, so building it builds the silo)");
    }
}
