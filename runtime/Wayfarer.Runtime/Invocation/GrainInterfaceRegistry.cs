using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Wayfarer.Runtime.Invocation;

/// <summary>Maps grain and observer interfaces to their generated proxy factories. Generated code registers into it
/// from a module initializer; lookups run that initializer on demand.</summary>
/// <remarks>Thread-safe.</remarks>
public static class GrainInterfaceRegistry
{
    private static readonly ConcurrentDictionary<Type, Func<IGrainReferenceRuntime, GrainId, GrainReference>> s_factories = new();
    private static readonly ConcurrentDictionary<string, Type> s_byName = new(StringComparer.Ordinal);

    /// <summary>Registers the proxy factory of a grain or observer interface (called by generated code).</summary>
    public static void Register(Type interfaceType, Func<IGrainReferenceRuntime, GrainId, GrainReference> factory)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        s_factories[interfaceType] = factory;
        s_byName[interfaceType.FullName ?? interfaceType.Name] = interfaceType;
    }

    /// <summary>Gets the proxy factory for an interface, running its assembly's generated initializer if needed.</summary>
    /// <exception cref="ArgumentException">The type is not a generated grain or observer interface.</exception>
    public static Func<IGrainReferenceRuntime, GrainId, GrainReference> GetFactory(Type interfaceType)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        if (s_factories.TryGetValue(interfaceType, out var factory))
        {
            return factory;
        }

        RuntimeHelpers.RunModuleConstructor(interfaceType.Module.ModuleHandle);
        return s_factories.TryGetValue(interfaceType, out factory)
            ? factory
            : throw new ArgumentException(
                $"{interfaceType.FullName} has no generated proxy: it must be a public or internal interface deriving from IGrainWithXKey or IGrainObserver in a project that references Wayfarer.Runtime.",
                nameof(interfaceType));
    }

    /// <summary>Finds a registered interface by full name (for references arriving serialized).</summary>
    public static Type? FindInterface(string fullName) => s_byName.GetValueOrDefault(fullName);
}
