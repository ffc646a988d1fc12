using System.Reflection;
using System.Text;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Loads the migrations embedded in this assembly from the repository's <c>sql/</c> folder.</summary>
internal static class EmbeddedMigrations
{
    /// <summary>The prefix of the embedded resources' logical names (see the project file).</summary>
    public const string ResourcePrefix = "Wayfarer.Sql.";

    private static readonly Lazy<IReadOnlyList<Migration>> All = new(() => Load(typeof(EmbeddedMigrations).Assembly));

    /// <summary>The embedded migrations, in version order.</summary>
    public static IReadOnlyList<Migration> Value => All.Value;

    /// <summary>Loads every <c>Wayfarer.Sql.*.sql</c> resource of an assembly, in version order.</summary>
    /// <exception cref="MigrationException">A file is misnamed or two files share a version.</exception>
    public static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            migrations.Add(Migration.Create(resource[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        return Sort(migrations);
    }

    /// <summary>Orders migrations by version.</summary>
    /// <exception cref="MigrationException">Two migrations share a version.</exception>
    public static IReadOnlyList<Migration> Sort(IEnumerable<Migration> migrations)
    {
        var sorted = migrations.OrderBy(migration => migration.Version).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Version == sorted[i - 1].Version)
            {
                throw new MigrationException(
                    $"Migration files '{sorted[i - 1].Name}' and '{sorted[i].Name}' share version {sorted[i].Version}; renumber one of them.",
                    sorted[i].Name);
            }
        }

        return sorted;
    }
}
