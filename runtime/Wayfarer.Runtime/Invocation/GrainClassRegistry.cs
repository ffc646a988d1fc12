using System.Collections.Concurrent;

namespace Wayfarer.Runtime.Invocation;

/// <summary>The grain classes compiled into loaded assemblies. Generated code registers into it from a module initializer.</summary>
/// <remarks>Thread-safe.</remarks>
public static class GrainClassRegistry
{
    private static readonly ConcurrentDictionary<Type, byte> s_classes = new();

    /// <summary>Raised after a class is registered for the first time.</summary>
    internal static event Action<Type>? Registered;

    /// <summary>Registers a grain class (called by generated code).</summary>
    public static void Register(Type grainClass)
    {
        ArgumentNullException.ThrowIfNull(grainClass);
        if (s_classes.TryAdd(grainClass, 0))
        {
            Registered?.Invoke(grainClass);
        }
    }

    /// <summary>Every registered grain class.</summary>
    public static IReadOnlyCollection<Type> Classes => s_classes.Keys.ToArray();
}
