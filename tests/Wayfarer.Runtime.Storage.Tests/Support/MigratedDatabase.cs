using Wayfarer.Runtime.Postgres;

namespace Wayfarer.Runtime.Storage.Tests.Support;

/// <summary>Class fixture: a fresh database on the shared test server, with every migration applied. Tests in the
/// class isolate themselves from each other with a unique service id.</summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("MigratedDatabase is not initialised yet");

    public async Task InitializeAsync()
    {
        var server = await SharedServers.GetPostgresAsync();
        var connectionString = await server.CreateDatabaseAsync("storage");
        await new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = connectionString }).MigrateAsync();
        _connectionString = connectionString;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
