namespace Wayfarer.Memory.Storage;

/// <summary>Catalog bookkeeping.</summary>
public sealed partial class MemoryEmbeddingStore
{
    /// <summary>The content hash of every shared catalog row, keyed by (collection, id): lets a catalog load embed only
    /// what changed.</summary>
    public async Task<IReadOnlyDictionary<(string Collection, string Id), string>> CatalogHashesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT collection, id, content_hash FROM memory_embeddings WHERE owner_id IS NULL");
        command.CommandTimeout = _commandTimeoutSeconds;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var hashes = new Dictionary<(string, string), string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hashes[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        return hashes;
    }
}
