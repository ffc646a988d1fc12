using System.Numerics.Tensors;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Vectors;

namespace Wayfarer.Bench.Vectors;

/// <summary>Builds an index of seeded random unit vectors with realistic filter attributes: 3 collections, 50 cities
/// in 10 countries, 20 categories, dates over two years and a 4-valued price metadata key.</summary>
internal static class SyntheticCorpus
{
    public static readonly string[] Collections = ["destinations", "activities", "content"];
    public static readonly DateTimeOffset Epoch = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyDictionary<string, string>[] Prices =
        [.. new[] { "$", "$$", "$$$", "$$$$" }.Select(p => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["price"] = p })];

    public static VectorIndex Build(int size, EmbeddingSpace space, int seed)
    {
        var random = new Random(seed);
        var index = new VectorIndex(space, size, VectorQuantization.Int8);
        var vector = new float[space.Dimension];
        for (var i = 0; i < size; i++)
        {
            RandomUnit(random, vector);
            index.Upsert(new VectorEntry(Collections[i % 3], $"v{i}", vector)
            {
                City = $"city-{i % 50}",
                Country = $"C{i % 10}",
                Category = $"cat-{i % 20}",
                Date = Epoch.AddDays(random.Next(730)),
                Metadata = Prices[random.Next(4)],
            }, space);
        }

        return index;
    }

    public static float[][] Queries(int count, int dimension, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var v = new float[dimension];
            RandomUnit(random, v);
            return v;
        })];
    }

    private static void RandomUnit(Random random, float[] vector)
    {
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = (random.NextSingle() * 2) - 1;
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
    }
}
