namespace Wayfarer.Testing;

/// <summary>
/// One PostgreSQL and one Redis per test process, started on first use and shared by every test and fixture in it.
/// </summary>
/// <remarks>
/// <para>The servers live as long as the test process: they are stopped by pid when it exits
/// (<see cref="AppDomain.ProcessExit"/>), and a test process that was killed has its servers reaped by the next
/// one that starts a server. Disposing a shared server does nothing, and stopping or killing it throws: tests that
/// stop servers start their own with <see cref="PostgresServer.StartLocalAsync"/> or <see cref="RedisServer.StartLocalAsync"/>.</para>
/// <para>A start that fails is not retried: every caller sees the same exception, quickly.</para>
/// <para>Test assemblies that run in parallel each start their own servers on free ports.</para>
/// </remarks>
public static class SharedServers
{
    private static readonly Lazy<Task<PostgresServer>> s_postgres = new(StartPostgresAsync);
    private static readonly Lazy<Task<RedisServer>> s_redis = new(StartRedisAsync);

    /// <summary>The process-wide PostgreSQL (honours <c>WAYFARER_TEST_PG</c>).</summary>
    public static Task<PostgresServer> GetPostgresAsync() => s_postgres.Value;

    /// <summary>The process-wide Redis (honours <c>WAYFARER_TEST_REDIS</c>).</summary>
    public static Task<RedisServer> GetRedisAsync() => s_redis.Value;

    private static async Task<PostgresServer> StartPostgresAsync()
    {
        var server = await PostgresServer.StartAsync(CancellationToken.None).ConfigureAwait(false);
        server.IsShared = true;
        return server;
    }

    private static async Task<RedisServer> StartRedisAsync()
    {
        var server = await RedisServer.StartAsync(CancellationToken.None).ConfigureAwait(false);
        server.IsShared = true;
        return server;
    }
}
