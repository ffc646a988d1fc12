using System.Security.Cryptography;
using StackExchange.Redis;
using Xunit;

namespace Wayfarer.Testing;

/// <summary>
/// xunit fixture giving tests the process-wide Redis of <see cref="SharedServers"/> and one connection to it;
/// each test isolates itself with <see cref="NewKeyPrefix"/>.
/// </summary>
/// <remarks>
/// <para>In xunit 2 a collection definition must live in the test assembly itself, so each test project declares one:</para>
/// <code>
/// [CollectionDefinition(Name)]
/// public sealed class RedisCollection : ICollectionFixture&lt;RedisFixture&gt;
/// {
///     public const string Name = "Redis";
/// }
///
/// [Collection(RedisCollection.Name)]
/// [Trait("Category", "Integration")]
/// public sealed class DirectoryTests(RedisFixture redis)
/// {
///     [Fact]
///     public async Task RegisteredActivationIsFound()
///     {
///         var db = (await redis.GetConnectionAsync()).GetDatabase();
///         var prefix = redis.NewKeyPrefix("dir");
///         // ...
///     }
/// }
/// </code>
/// <para>Do not FLUSHALL the shared server: other tests use it at the same time. Tests that kill or restart Redis
/// start their own with <see cref="RedisServer.StartLocalAsync"/>.</para>
/// </remarks>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private Task<ConnectionMultiplexer>? _connection;

    /// <summary>The shared server; available once xunit has initialised the fixture.</summary>
    public RedisServer Server => _server ?? throw new InvalidOperationException("RedisFixture is not initialised yet");

    /// <summary>StackExchange.Redis configuration string (<c>127.0.0.1:port</c>).</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <summary>A multiplexer owned by the fixture (created on first use, disposed with the fixture); do not dispose it.</summary>
    public Task<ConnectionMultiplexer> GetConnectionAsync() =>
        LazyInitializer.EnsureInitialized(ref _connection, () => Server.ConnectAsync());

    /// <summary>A key prefix no other test uses, such as <c>t:3f9a1c0b2d4e:</c>.</summary>
    public string NewKeyPrefix(string name = "t") => $"{name}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}:";

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await SharedServers.GetRedisAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_connection is { IsCompletedSuccessfully: true })
        {
            await _connection.Result.CloseAsync().ConfigureAwait(false);
            _connection.Result.Dispose();
        }
    }
}
