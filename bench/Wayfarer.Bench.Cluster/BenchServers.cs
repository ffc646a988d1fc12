using Wayfarer.Testing;

namespace Wayfarer.Bench.Cluster;

/// <summary>PostgreSQL and Redis for the benchmark: throwaway local servers, or those of <c>WAYFARER_TEST_PG</c> /
/// <c>WAYFARER_TEST_REDIS</c>.</summary>
internal sealed class BenchServers : IAsyncDisposable
{
    private readonly PostgresServer _postgres;
    private readonly RedisServer _redis;

    private BenchServers(PostgresServer postgres, RedisServer redis, string database, string logDirectory)
    {
        _postgres = postgres;
        _redis = redis;
        Postgres = database;
        LogDirectory = logDirectory;
    }

    public string Postgres { get; }

    public string Redis => _redis.ConnectionString;

    public string LogDirectory { get; }

    public static async Task<BenchServers> StartAsync()
    {
        var postgres = await PostgresServer.StartAsync();
        var redis = await RedisServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync("bench_cluster");
        var logs = Path.Combine(Path.GetTempPath(), "wayfarer-bench-cluster", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(logs);
        return new BenchServers(postgres, redis, database, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _redis.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
