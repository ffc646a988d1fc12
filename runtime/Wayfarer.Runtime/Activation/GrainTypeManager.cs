using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Activation;

/// <summary>The grain classes this process knows: grain type name → class, and interface → implementing classes.</summary>
/// <remarks>Classes are discovered from the generated registrations of every assembly loaded (and referenced by loaded
/// application assemblies) when the runtime starts, and of assemblies loaded later as they register.</remarks>
internal sealed class GrainTypeManager : IDisposable
{
    private readonly ConcurrentDictionary<string, GrainTypeInfo> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(Type Interface, string? Prefix), string> _resolved = new();

    public GrainTypeManager(IEnumerable<Assembly> extraAssemblies)
    {
        Add(typeof(ObserverPseudoGrain));
        LoadApplicationAssemblies(extraAssemblies);
        GrainClassRegistry.Registered += Add;
        foreach (var type in GrainClassRegistry.Classes)
        {
            Add(type);
        }
    }

    public IEnumerable<GrainTypeInfo> Types => _byName.Values;

    public void Dispose() => GrainClassRegistry.Registered -= Add;

    public GrainTypeInfo? Find(string grainTypeName) => _byName.GetValueOrDefault(grainTypeName);

    /// <summary>Finds the grain type that implements <paramref name="interfaceType"/>.</summary>
    /// <exception cref="ArgumentException">None does, or several do and <paramref name="classNamePrefix"/> does not pick one.</exception>
    public string ResolveGrainType(Type interfaceType, string? classNamePrefix)
    {
        if (_resolved.TryGetValue((interfaceType, classNamePrefix), out var name))
        {
            return name;
        }

        var candidates = _byName.Values
            .Where(t => !t.IsObserver && interfaceType.IsAssignableFrom(t.ClassType))
            .Where(t => classNamePrefix is null || (t.ClassType.FullName ?? t.ClassType.Name).StartsWith(classNamePrefix, StringComparison.Ordinal) || t.ClassType.Name.StartsWith(classNamePrefix, StringComparison.Ordinal))
            .ToList();
        name = candidates.Count switch
        {
            1 => candidates[0].Name,
            0 => throw new ArgumentException($"No grain class implements {interfaceType.FullName}{(classNamePrefix is null ? string.Empty : $" with class name prefix '{classNamePrefix}'")}. Is its assembly referenced by the silo?", nameof(interfaceType)),
            _ => throw new ArgumentException($"Several grain classes implement {interfaceType.FullName} ({string.Join(", ", candidates.Select(c => c.ClassType.Name))}); pass a grain class name prefix.", nameof(interfaceType)),
        };
        _resolved[(interfaceType, classNamePrefix)] = name;
        return name;
    }

    private void Add(Type grainClass)
    {
        var info = new GrainTypeInfo(grainClass);
        if (_byName.TryGetValue(info.Name, out var existing) && existing.ClassType != grainClass)
        {
            throw new InvalidOperationException($"Grain classes {existing.ClassType.FullName} and {grainClass.FullName} share the grain type name '{info.Name}'; give one a [GrainType] name.");
        }

        _byName[info.Name] = info;
        _resolved.Clear();
    }

    private static void LoadApplicationAssemblies(IEnumerable<Assembly> extra)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>(AppDomain.CurrentDomain.GetAssemblies().Concat(extra));
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            pending.Push(entry);
        }

        while (pending.TryPop(out var assembly))
        {
            var name = assembly.GetName().Name ?? string.Empty;
            if (!seen.Add(name) || IsFrameworkAssembly(name) || assembly.IsDynamic)
            {
                continue;
            }

            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } referenceName && !seen.Contains(referenceName) && !IsFrameworkAssembly(referenceName))
                {
                    try
                    {
                        pending.Push(Assembly.Load(reference));
                    }
                    catch (FileNotFoundException)
                    {
                        // A reference that is not deployed cannot hold grains this process can run.
                    }
                }
            }
        }
    }

    private static bool IsFrameworkAssembly(string name)
        => name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft", StringComparison.Ordinal)
        || name.StartsWith("xunit", StringComparison.Ordinal) || name is "netstandard" or "mscorlib" or "Npgsql" or "StackExchange.Redis"
        || name.StartsWith("testhost", StringComparison.Ordinal) || name.StartsWith("NuGet", StringComparison.Ordinal);
}
