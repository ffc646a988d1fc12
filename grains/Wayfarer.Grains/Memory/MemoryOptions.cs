namespace Wayfarer.Grains.Memory;

/// <summary>Options of the memory grains, bound from <c>Wayfarer:Memory</c>.</summary>
public sealed class MemoryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Wayfarer:Memory";

    /// <summary>The number of catalog shard grains; at most 1024 (the bucket count).</summary>
    /// <value>4.</value>
    public int CatalogShards { get; set; } = 4;

    /// <summary>How long agent memory lives when the item sets no time to live.</summary>
    /// <value>90 days.</value>
    public TimeSpan AgentMemoryTimeToLive { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The most agent memories one user keeps; beyond it the least relevant (then oldest) are pruned.</summary>
    /// <value>1000.</value>
    public int MaxAgentMemories { get; set; } = 1000;

    /// <summary>How often an active user memory grain prunes expired and surplus items.</summary>
    /// <value>1 hour.</value>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The default weight of the vector score in hybrid search.</summary>
    /// <value>0.7.</value>
    public float VectorWeight { get; set; } = 0.7f;

    /// <summary>The default weight of the PostgreSQL full-text rank in hybrid search.</summary>
    /// <value>0.3.</value>
    public float TextWeight { get; set; } = 0.3f;

    /// <summary>How many vector candidates per requested hit each grain considers before blending in hybrid mode.</summary>
    /// <value>4.</value>
    public int HybridCandidateFactor { get; set; } = 4;

    /// <summary>The most full-text matches read from PostgreSQL per hybrid search.</summary>
    /// <value>200.</value>
    public int TextCandidates { get; set; } = 200;

    /// <summary>Threads one grain may use for one exact search (indexes under 16,384 rows always use one).</summary>
    /// <value>1: shards already search in parallel with each other.</value>
    public int SearchParallelism { get; set; } = 1;

    /// <summary>The default diversity of search results (maximal marginal relevance), 0–1.</summary>
    /// <value>0.3.</value>
    public float Diversity { get; set; } = 0.3f;

    /// <summary>How many candidates per requested hit are gathered before diversifying.</summary>
    /// <value>3.</value>
    public int DiversityCandidateFactor { get; set; } = 3;

    /// <summary>Whether a catalog city named in a query narrows the search to it (see
    /// <see cref="GrainInterfaces.Memory.SearchRequest.InferCity"/>).</summary>
    /// <value>True.</value>
    public bool InferCityFromQuery { get; set; } = true;

    /// <summary>How catalog shards and user grains scan: exact float32, or int8 codes with an exact re-rank (about 2.5×
    /// faster at 100k vectors per grain, +25 % memory; recall@10 measured in <c>bench/vectors.md</c>).</summary>
    /// <value><see cref="Wayfarer.Memory.Vectors.VectorQuantization.None"/>: exact is under 10 ms p95 at 100k vectors.</value>
    public Wayfarer.Memory.Vectors.VectorQuantization Quantization { get; set; } = Wayfarer.Memory.Vectors.VectorQuantization.None;

    /// <summary>Whether the built-in catalog is embedded (idempotently) when the silo starts.</summary>
    /// <value>True.</value>
    public bool LoadCatalogOnStart { get; set; } = true;

    /// <summary>Texts per embedding request.</summary>
    /// <value>128.</value>
    public int EmbeddingBatchSize { get; set; } = 128;

    /// <summary>Checks the options.</summary>
    /// <returns>A message naming the first bad option, or null.</returns>
    public string? Validate() =>
        CatalogShards is < 1 or > 1024 ? $"{SectionName}:{nameof(CatalogShards)} must be between 1 and 1024."
        : AgentMemoryTimeToLive <= TimeSpan.Zero ? $"{SectionName}:{nameof(AgentMemoryTimeToLive)} must be positive."
        : MaxAgentMemories < 1 ? $"{SectionName}:{nameof(MaxAgentMemories)} must be positive."
        : PruneInterval < TimeSpan.FromSeconds(1) ? $"{SectionName}:{nameof(PruneInterval)} must be at least one second."
        : VectorWeight < 0 || TextWeight < 0 || VectorWeight + TextWeight <= 0 ? $"{SectionName}:{nameof(VectorWeight)} and {nameof(TextWeight)} must be non-negative and not both zero."
        : HybridCandidateFactor < 1 ? $"{SectionName}:{nameof(HybridCandidateFactor)} must be positive."
        : TextCandidates < 1 ? $"{SectionName}:{nameof(TextCandidates)} must be positive."
        : SearchParallelism < 1 ? $"{SectionName}:{nameof(SearchParallelism)} must be positive."
        : Diversity is < 0 or > 1 ? $"{SectionName}:{nameof(Diversity)} must be between 0 and 1."
        : DiversityCandidateFactor < 1 ? $"{SectionName}:{nameof(DiversityCandidateFactor)} must be positive."
        : EmbeddingBatchSize < 1 ? $"{SectionName}:{nameof(EmbeddingBatchSize)} must be positive."
        : null;
}
