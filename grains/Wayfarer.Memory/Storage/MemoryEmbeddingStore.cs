using System.Text.Json;
using Npgsql;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Vectors;

namespace Wayfarer.Memory.Storage;

/// <summary>Reads and writes <c>memory_embeddings</c> in PostgreSQL. Every statement is parameterised.</summary>
/// <remarks>Thread-safe: each call takes its own pooled connection.</remarks>
public sealed partial class MemoryEmbeddingStore : IAsyncDisposable
{
    private const string Columns = "owner_id, collection, id, text, vector, model, dimension, category, country, city, item_date, metadata, content_hash, relevance, created_at, expires_at";

    private readonly NpgsqlDataSource _dataSource;
    private readonly int _commandTimeoutSeconds;
    private readonly string _textConfiguration;

    /// <summary>Creates a store.</summary>
    /// <exception cref="ArgumentException">The connection string is missing.</exception>
    public MemoryEmbeddingStore(MemoryStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString);
        _dataSource = NpgsqlDataSource.Create(options.ConnectionString);
        _commandTimeoutSeconds = (int)Math.Clamp(options.CommandTimeout.TotalSeconds, 1, 3600);
        _textConfiguration = options.TextSearchConfiguration;
    }

    /// <summary>Every row a user owns, in every private collection (expired ones included; callers filter).</summary>
    public Task<IReadOnlyList<StoredEmbedding>> LoadOwnerAsync(string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return QueryAsync($"SELECT {Columns} FROM memory_embeddings WHERE owner_id = $1", [new() { Value = owner }], cancellationToken);
    }

    /// <summary>The shared catalog rows of one shard: those whose bucket modulo <paramref name="shardCount"/> is
    /// <paramref name="shard"/>.</summary>
    public Task<IReadOnlyList<StoredEmbedding>> LoadCatalogShardAsync(int shard, int shardCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, shardCount);
        return QueryAsync(
            $"SELECT {Columns} FROM memory_embeddings WHERE owner_id IS NULL AND bucket % $1 = $2",
            [new() { Value = shardCount }, new() { Value = shard }],
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<IReadOnlyList<StoredEmbedding>> QueryAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.CommandTimeout = _commandTimeoutSeconds;
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<StoredEmbedding>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static StoredEmbedding Read(NpgsqlDataReader reader)
    {
        var metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(11)) ?? [];
        var entry = new VectorEntry(reader.GetString(1), reader.GetString(2), reader.GetFieldValue<float[]>(4))
        {
            Owner = reader.IsDBNull(0) ? null : reader.GetString(0),
            Text = reader.GetString(3),
            Category = reader.IsDBNull(7) ? null : reader.GetString(7),
            Country = reader.IsDBNull(8) ? null : reader.GetString(8),
            City = reader.IsDBNull(9) ? null : reader.GetString(9),
            Date = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
            Metadata = metadata,
            Relevance = reader.GetFloat(13),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(14),
            ExpiresAt = reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
        };
        return new StoredEmbedding(entry, new EmbeddingSpace(reader.GetString(5), reader.GetInt32(6)), reader.GetString(12));
    }
}
