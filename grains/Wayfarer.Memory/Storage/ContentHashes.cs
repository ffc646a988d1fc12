using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Vectors;

namespace Wayfarer.Memory.Storage;

/// <summary>Stable hashes of an entry's inputs and of ids (for catalog buckets).</summary>
public static class ContentHashes
{
    /// <summary>The number of catalog buckets; shards own the buckets whose number modulo the shard count is theirs.</summary>
    public const int BucketCount = 1024;

    /// <summary>A hex SHA-256 of the entry's text, attributes and the embedding model: equal hashes need no re-embedding.</summary>
    public static string Of(VectorEntry entry, EmbeddingSpace space)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var builder = new StringBuilder()
            .Append(space.ToString()).Append('\n')
            .Append(entry.Text).Append('\n')
            .Append(entry.Category).Append('\n')
            .Append(entry.Country).Append('\n')
            .Append(entry.City).Append('\n')
            .Append(entry.Date?.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var pair in entry.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append(pair.Key).Append('=').Append(pair.Value).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>The catalog bucket of an id, 0 to <see cref="BucketCount"/> − 1, stable across processes.</summary>
    public static int Bucket(string collection, string id) => (int)(Fnv1a.Hash('k', collection, id) % BucketCount);
}
