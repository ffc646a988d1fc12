using System.Numerics.Tensors;

namespace Wayfarer.Memory.Vectors;

/// <summary>Maximal marginal relevance: re-ranks candidates so a query with several aspects ("temples and street food")
/// is not answered with ten near-duplicates of one aspect.</summary>
public static class Diversifier
{
    /// <summary>Picks up to <paramref name="k"/> candidates greedily, each maximising
    /// <c>(1 − diversity) · score − diversity · (highest similarity to an already picked candidate)</c>.</summary>
    /// <param name="scores">Relevance of each candidate (higher is better).</param>
    /// <param name="vectors">L2-normalised vector of each candidate, parallel to <paramref name="scores"/>.</param>
    /// <param name="k">How many to pick.</param>
    /// <param name="diversity">0 keeps the relevance order; 1 only avoids similarity.</param>
    /// <returns>Indices into the candidates, in picking order.</returns>
    public static IReadOnlyList<int> Select(IReadOnlyList<float> scores, IReadOnlyList<float[]> vectors, int k, float diversity)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(vectors);
        if (scores.Count != vectors.Count)
        {
            throw new ArgumentException("Every candidate needs a score and a vector.", nameof(vectors));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(diversity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(diversity, 1f);
        var picked = new List<int>(Math.Min(k, scores.Count));
        var maxSimilarity = new float[scores.Count];
        var available = new bool[scores.Count];
        Array.Fill(available, true);
        while (picked.Count < k && picked.Count < scores.Count)
        {
            var best = -1;
            var bestValue = float.NegativeInfinity;
            for (var i = 0; i < scores.Count; i++)
            {
                var value = ((1 - diversity) * scores[i]) - (picked.Count == 0 ? 0 : diversity * maxSimilarity[i]);
                if (available[i] && value > bestValue)
                {
                    (best, bestValue) = (i, value);
                }
            }

            picked.Add(best);
            available[best] = false;
            for (var i = 0; i < scores.Count; i++)
            {
                if (available[i])
                {
                    maxSimilarity[i] = Math.Max(maxSimilarity[i], TensorPrimitives.Dot(vectors[i], vectors[best]));
                }
            }
        }

        return picked;
    }
}
