using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime;

/// <summary>Key accessors and reference conversions for grains and grain references.</summary>
public static class GrainExtensions
{
    /// <summary>The grain id of a grain instance or reference.</summary>
    /// <exception cref="ArgumentException">The object is neither a grain nor a reference.</exception>
    public static GrainId GetGrainId(this IAddressable addressable) => addressable switch
    {
        GrainReference reference => reference.GrainId,
        Grain grain => grain.GrainId,
        null => throw new ArgumentNullException(nameof(addressable)),
        _ => throw new ArgumentException($"{addressable.GetType().Name} is neither a grain nor a grain reference.", nameof(addressable)),
    };

    /// <summary>The string key.</summary>
    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    /// <summary>The Guid key (the primary part of a compound key).</summary>
    /// <exception cref="FormatException">The key is not a Guid key.</exception>
    public static Guid GetPrimaryKey(this IAddressable grain) => Guid.ParseExact(Primary(grain.GetGrainId().Key, out _), "N");

    /// <summary>The Guid key and the compound key's extension (null when there is none).</summary>
    public static Guid GetPrimaryKey(this IAddressable grain, out string? keyExtension)
        => Guid.ParseExact(Primary(grain.GetGrainId().Key, out keyExtension), "N");

    /// <summary>The integer key (the primary part of a compound key).</summary>
    /// <exception cref="FormatException">The key is not an integer key.</exception>
    public static long GetPrimaryKeyLong(this IAddressable grain)
        => long.Parse(Primary(grain.GetGrainId().Key, out _), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The integer key and the compound key's extension (null when there is none).</summary>
    public static long GetPrimaryKeyLong(this IAddressable grain, out string? keyExtension)
        => long.Parse(Primary(grain.GetGrainId().Key, out keyExtension), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Views a grain reference (or a grain, from inside itself) through another of its interfaces.</summary>
    public static TInterface AsReference<TInterface>(this IAddressable grain)
        where TInterface : IAddressable
    {
        ArgumentNullException.ThrowIfNull(grain);
        var runtime = grain switch
        {
            GrainReference reference => reference.Runtime,
            Grain g => g.Activation.Runtime,
            _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain nor a grain reference.", nameof(grain)),
        };
        return (TInterface)(object)GrainInterfaceRegistry.GetFactory(typeof(TInterface))(runtime, grain.GetGrainId());
    }

    private static string Primary(string key, out string? extension)
    {
        var plus = key.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            extension = null;
            return key;
        }

        extension = key[(plus + 1)..];
        return key[..plus];
    }
}
