using Wayfarer.Runtime.Postgres;

namespace Wayfarer.Silo;

/// <summary><c>silo migrate [--status]</c>: applies the SQL migrations (or lists their state) and exits.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a != "--status").ToArray())
            .Build();
        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync("ConnectionStrings:Postgres is not set (e.g. ConnectionStrings__Postgres=... in the environment).");
            return 2;
        }

        var migrator = new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = connectionString });
        try
        {
            if (args.Contains("--status"))
            {
                foreach (var status in await migrator.GetStatusAsync())
                {
                    Console.WriteLine($"{status.Version:0000} {status.Name,-40} {status.State}");
                }

                return 0;
            }

            var applied = await migrator.MigrateAsync();
            Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied: {string.Join(", ", applied)}");
            return 0;
        }
        catch (MigrationException exception)
        {
            await Console.Error.WriteLineAsync($"Migration refused: {exception.Message}");
            return 1;
        }
    }
}
