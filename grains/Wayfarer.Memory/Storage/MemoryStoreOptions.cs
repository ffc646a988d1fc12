namespace Wayfarer.Memory.Storage;

/// <summary>Options of <see cref="MemoryEmbeddingStore"/>.</summary>
public sealed class MemoryStoreOptions
{
    /// <summary>The PostgreSQL connection string; the <c>memory_embeddings</c> table must exist (migration 0010).</summary>
    /// <value>Empty: must be set.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The time one command may take.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The text-search configuration used for hybrid search; must match the generated column's.</summary>
    /// <value><c>english</c>.</value>
    public string TextSearchConfiguration { get; set; } = "english";
}
