using Xunit;

namespace Wayfarer.Testing;

/// <summary>
/// xunit fixture giving tests the process-wide PostgreSQL of <see cref="SharedServers"/>; each test isolates itself
/// with <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>
/// <para>In xunit 2 a collection definition must live in the test assembly itself, so each test project declares one:</para>
/// <code>
/// [CollectionDefinition(Name)]
/// public sealed class PostgresCollection : ICollectionFixture&lt;PostgresFixture&gt;
/// {
///     public const string Name = "Postgres";
/// }
///
/// [Collection(PostgresCollection.Name)]
/// [Trait("Category", "Integration")]
/// public sealed class TripStoreTests(PostgresFixture postgres)
/// {
///     [Fact]
///     public async Task SavedTripIsReadBack()
///     {
///         var connectionString = await postgres.CreateDatabaseAsync("trips");
///         // ...
///     }
/// }
/// </code>
/// <para>It also works as <c>IClassFixture&lt;PostgresFixture&gt;</c>. Every fixture instance in the process shares
/// one server, so several collections may use it and still run in parallel. Disposing the fixture leaves the
/// server running; it stops when the test process exits.</para>
/// </remarks>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The shared server; available once xunit has initialised the fixture.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgresFixture is not initialised yet");

    /// <summary>Superuser connection string to database <c>postgres</c>; prefer <see cref="CreateDatabaseAsync"/>.</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <summary>Creates a fresh database (with pgcrypto and pg_trgm) and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "t", CancellationToken ct = default) => Server.CreateDatabaseAsync(prefix, ct);

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await SharedServers.GetPostgresAsync().ConfigureAwait(false);

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}
