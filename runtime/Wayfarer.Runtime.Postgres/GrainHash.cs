using System.Buffers;
using System.Text;

namespace Wayfarer.Runtime.Postgres;

/// <summary>The stable hash of a grain id used to partition reminders across silos.</summary>
/// <remarks>The 32-bit FNV-1a hash of the UTF-8 bytes of <see cref="GrainId.ToString"/> (<c>type/key</c>). It
/// never changes between processes, machines or versions, so it may be stored.</remarks>
public static class GrainHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;
    private const int StackLimit = 256;

    /// <summary>Computes the hash of a grain id.</summary>
    /// <param name="grainId">The grain id.</param>
    /// <returns>The unsigned 32-bit hash.</returns>
    public static uint Compute(GrainId grainId) => Compute(grainId.ToString());

    /// <summary>Computes the 32-bit FNV-1a hash of the UTF-8 bytes of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The unsigned 32-bit hash.</returns>
    public static uint Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var length = Encoding.UTF8.GetByteCount(text);
        byte[]? rented = null;
        Span<byte> bytes = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, bytes);
            var hash = OffsetBasis;
            foreach (var value in bytes[..written])
            {
                hash = unchecked((hash ^ value) * Prime);
            }

            return hash;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Maps the unsigned hash onto the signed <c>integer</c> column order-preservingly (minus 2^31).</summary>
    internal static int ToStored(uint hash) => unchecked((int)(hash ^ 0x8000_0000u));
}
