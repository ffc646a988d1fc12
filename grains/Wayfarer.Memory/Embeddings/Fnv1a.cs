namespace Wayfarer.Memory.Embeddings;

/// <summary>64-bit FNV-1a over UTF-16 code units: stable across processes and machines.</summary>
internal static class Fnv1a
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Hash(char kind, string first, string? second)
    {
        var hash = Step(Offset, kind);
        hash = Step(hash, first);
        if (second is not null)
        {
            hash = Step(hash, ' ');
            hash = Step(hash, second);
        }

        // Final avalanche so the low bits (bucket) and the top bit (sign) are independent.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }

    public static ulong Hash(string value) => Hash('s', value, null);

    private static ulong Step(ulong hash, string value)
    {
        foreach (var c in value)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    private static ulong Step(ulong hash, char c)
    {
        hash = (hash ^ (byte)c) * Prime;
        return (hash ^ (byte)(c >> 8)) * Prime;
    }
}
