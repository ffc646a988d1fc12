using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Wayfarer.Memory.Storage;

/// <summary>Writes and deletes.</summary>
public sealed partial class MemoryEmbeddingStore
{
    private const string UpsertSql = """
        INSERT INTO memory_embeddings
            (owner_id, collection, id, bucket, text, vector, model, dimension, category, country, city, item_date,
             metadata, content_hash, relevance, created_at, updated_at, expires_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, coalesce($16, now()), now(), $17)
        ON CONFLICT ((coalesce(owner_id, '')), collection, id) DO UPDATE SET
            bucket = EXCLUDED.bucket, text = EXCLUDED.text, vector = EXCLUDED.vector, model = EXCLUDED.model,
            dimension = EXCLUDED.dimension, category = EXCLUDED.category, country = EXCLUDED.country,
            city = EXCLUDED.city, item_date = EXCLUDED.item_date, metadata = EXCLUDED.metadata,
            content_hash = EXCLUDED.content_hash, relevance = EXCLUDED.relevance, updated_at = now(),
            expires_at = EXCLUDED.expires_at
        WHERE memory_embeddings.content_hash IS DISTINCT FROM EXCLUDED.content_hash
           OR memory_embeddings.relevance IS DISTINCT FROM EXCLUDED.relevance
           OR memory_embeddings.expires_at IS DISTINCT FROM EXCLUDED.expires_at
        """;

    /// <summary>Inserts or updates rows in one transaction. A row whose content hash, relevance and expiry are
    /// unchanged is left alone, so repeating a batch is a no-op.</summary>
    /// <returns>The number of rows inserted or changed.</returns>
    public async Task<int> UpsertAsync(IReadOnlyList<StoredEmbedding> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = 0;
        foreach (var chunk in rows.Chunk(500))
        {
            await using var batch = new NpgsqlBatch(connection, transaction) { Timeout = _commandTimeoutSeconds };
            foreach (var row in chunk)
            {
                batch.BatchCommands.Add(UpsertCommand(row));
            }

            changed += await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>Deletes rows of one owner (null: the shared catalog) and collection.</summary>
    /// <returns>The number of rows deleted.</returns>
    public Task<int> DeleteAsync(string? owner, string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ExecuteAsync(
            "DELETE FROM memory_embeddings WHERE coalesce(owner_id, '') = coalesce($1, '') AND collection = $2 AND id = ANY($3)",
            [new() { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text }, new() { Value = collection }, new() { Value = ids.ToArray() }],
            cancellationToken);
    }

    /// <summary>Deletes every row a user owns.</summary>
    /// <returns>The number of rows deleted.</returns>
    public Task<int> DeleteOwnerAsync(string owner, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return ExecuteAsync("DELETE FROM memory_embeddings WHERE owner_id = $1", [new() { Value = owner }], cancellationToken);
    }

    /// <summary>Deletes a user's rows that expired at or before <paramref name="now"/>.</summary>
    /// <returns>The number of rows deleted.</returns>
    public Task<int> DeleteExpiredAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        return ExecuteAsync(
            "DELETE FROM memory_embeddings WHERE owner_id = $1 AND expires_at <= $2",
            [new() { Value = owner }, new() { Value = now.ToUniversalTime() }],
            cancellationToken);
    }

    /// <summary>Deletes every row, of any user, that expired at or before <paramref name="now"/> (uses the expiry index).</summary>
    /// <returns>The number of rows deleted.</returns>
    public Task<int> DeleteAllExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM memory_embeddings WHERE expires_at <= $1", [new() { Value = now.ToUniversalTime() }], cancellationToken);

    private async Task<int> ExecuteAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.CommandTimeout = _commandTimeoutSeconds;
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand UpsertCommand(StoredEmbedding row)
    {
        var entry = row.Entry;
        var command = new NpgsqlBatchCommand(UpsertSql);
        command.Parameters.Add(new() { Value = (object?)entry.Owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = entry.Collection });
        command.Parameters.Add(new() { Value = entry.Id });
        command.Parameters.Add(new() { Value = ContentHashes.Bucket(entry.Collection, entry.Id) });
        command.Parameters.Add(new() { Value = entry.Text });
        command.Parameters.Add(new() { Value = entry.Vector });
        command.Parameters.Add(new() { Value = row.Space.Model });
        command.Parameters.Add(new() { Value = row.Space.Dimension });
        command.Parameters.Add(Text(entry.Category));
        command.Parameters.Add(Text(entry.Country));
        command.Parameters.Add(Text(entry.City));
        command.Parameters.Add(new() { Value = (object?)entry.Date?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(entry.Metadata), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = row.ContentHash });
        command.Parameters.Add(new() { Value = entry.Relevance });
        command.Parameters.Add(new() { Value = entry.CreatedAt == default ? DBNull.Value : entry.CreatedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)entry.ExpiresAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
