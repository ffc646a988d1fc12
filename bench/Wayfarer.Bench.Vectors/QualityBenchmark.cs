using System.Globalization;
using System.Text;
using Wayfarer.Memory.Catalog;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Vectors;

namespace Wayfarer.Bench.Vectors;

/// <summary>Recall@k of the offline hashing embedding on the labelled seed queries (exact vector search, no PostgreSQL).</summary>
internal static class QualityBenchmark
{
    public static int Run(BenchOptions options)
    {
        var generator = new HashingEmbeddingGenerator();
        var index = new VectorIndex(generator.Space);
        foreach (var item in SeedCatalog.Items)
        {
            index.Upsert(item.ToEntry(generator.Embed(item.Text)), generator.Space);
        }

        var recalls = LabelledQuery.SeedQueries
            .Select(q => q.RecallAt(options.K, index.Search(generator.Embed(q.Query), options.K).Select(h => h.Entry.Id)))
            .ToList();
        var line = $"Seed catalog: {SeedCatalog.Items.Count} items, {LabelledQuery.SeedQueries.Count} labelled queries, {generator.Space}: mean recall@{options.K} {recalls.Average():F3} (exact vector search, whole query, no city inference or aspects).";
        Console.WriteLine(line);
        Machine.Write(options.Out, new StringBuilder().AppendLine("## Search quality").AppendLine().AppendLine(line).ToString());
        return 0;
    }
}
