using System.Numerics.Tensors;

namespace Wayfarer.Memory.Tests.Support;

/// <summary>Seeded random unit vectors.</summary>
internal static class RandomVectors
{
    public static float[] RandomUnit(Random random, int dimension)
    {
        var vector = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
