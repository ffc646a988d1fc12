using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Vectors;

namespace Wayfarer.Memory.Storage;

/// <summary>A row of <c>memory_embeddings</c>: an entry, the space its vector lives in, and a hash of what it was made
/// from (text, attributes and model), which makes re-embedding and re-seeding idempotent.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Space">The embedding space of <see cref="VectorEntry.Vector"/>.</param>
/// <param name="ContentHash">The content hash; see <see cref="ContentHashes.Of"/>.</param>
public sealed record StoredEmbedding(VectorEntry Entry, EmbeddingSpace Space, string ContentHash);
