using Npgsql;
using NpgsqlTypes;

namespace Wayfarer.Memory.Storage;

/// <summary>Full-text ranking for hybrid search.</summary>
public sealed partial class MemoryEmbeddingStore
{
    // plainto_tsquery stems and drops stop words; its '&' become '|' so a row matching any query word ranks, and
    // ts_rank then rewards rows matching more of them.
    private const string RankSql = """
        WITH q AS (SELECT replace(plainto_tsquery($1::regconfig, $2)::text, '&', '|') AS text)
        SELECT owner_id, collection, id, ts_rank(search, q.text::tsquery) AS rank
        FROM memory_embeddings, q
        WHERE q.text <> ''
          AND search @@ q.text::tsquery
          AND ((owner_id = $3 AND collection = ANY($4)) OR (owner_id IS NULL AND collection = ANY($5)))
          AND (expires_at IS NULL OR expires_at > $6)
        ORDER BY rank DESC, id
        LIMIT $7
        """;

    /// <summary>Ranks the rows matching <paramref name="query"/> with PostgreSQL's <c>ts_rank</c>, among one user's
    /// private collections and the shared catalog collections named, scaling ranks so the best scores 1.</summary>
    /// <param name="query">The user's words.</param>
    /// <param name="owner">The user whose private rows may match; null matches none.</param>
    /// <param name="privateCollections">The private collections to search.</param>
    /// <param name="sharedCollections">The shared collections to search.</param>
    /// <param name="now">Rows expired at this instant are skipped.</param>
    /// <param name="limit">The most rows to return.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<TextRank>> RankTextAsync(string query, string? owner, IReadOnlyCollection<string> privateCollections,
        IReadOnlyCollection<string> sharedCollections, DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(privateCollections);
        ArgumentNullException.ThrowIfNull(sharedCollections);
        await using var command = _dataSource.CreateCommand(RankSql);
        command.CommandTimeout = _commandTimeoutSeconds;
        command.Parameters.Add(new NpgsqlParameter { Value = _textConfiguration });
        command.Parameters.Add(new NpgsqlParameter { Value = query });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = privateCollections.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = sharedCollections.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<TextRank>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new TextRank(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFloat(3)));
        }

        var best = rows.Count == 0 ? 0f : rows.Max(r => r.Rank);
        return best <= 0 ? rows : [.. rows.Select(r => r with { Rank = r.Rank / best })];
    }
}
