using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Wayfarer.Runtime.CodeGen.Analysis;

/// <summary>The runtime and BCL types the generator matches against, resolved by metadata name once per compilation.</summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, Holder> s_cache = new();

    private static readonly string[] s_markerNames =
    [
        "Wayfarer.Runtime.IAddressable",
        "Wayfarer.Runtime.IGrain",
        "Wayfarer.Runtime.IGrainWithStringKey",
        "Wayfarer.Runtime.IGrainWithGuidKey",
        "Wayfarer.Runtime.IGrainWithIntegerKey",
        "Wayfarer.Runtime.IGrainWithGuidCompoundKey",
        "Wayfarer.Runtime.IGrainWithIntegerCompoundKey",
        "Wayfarer.Runtime.IGrainObserver",
    ];

    private KnownSymbols(Compilation compilation, INamedTypeSymbol addressable)
    {
        Compilation = compilation;
        Addressable = addressable;
        Grain = compilation.GetTypeByMetadataName("Wayfarer.Runtime.IGrain");
        var markers = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in s_markerNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } marker)
            {
                markers.Add(marker);
            }
        }

        Markers = markers.ToImmutable();
        OneWayAttribute = compilation.GetTypeByMetadataName("Wayfarer.Runtime.OneWayAttribute");
        GrainBase = compilation.GetTypeByMetadataName("Wayfarer.Runtime.Grain");
        GrainBaseOfT = compilation.GetTypeByMetadataName("Wayfarer.Runtime.Grain`1");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol Addressable { get; }

    public INamedTypeSymbol? Grain { get; }

    public ImmutableHashSet<INamedTypeSymbol> Markers { get; }

    public INamedTypeSymbol? OneWayAttribute { get; }

    public INamedTypeSymbol? GrainBase { get; }

    public INamedTypeSymbol? GrainBaseOfT { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    /// <summary>The symbols of <paramref name="compilation"/>, or null when it does not see Wayfarer.Runtime.</summary>
    public static KnownSymbols? Get(Compilation compilation)
        => s_cache.GetValue(compilation, static c => new Holder(
            c.GetTypeByMetadataName("Wayfarer.Runtime.IAddressable") is { } addressable ? new KnownSymbols(c, addressable) : null)).Symbols;

    public bool IsMarker(INamedTypeSymbol type) => Markers.Contains(type.OriginalDefinition);

    /// <summary>Whether <paramref name="type"/> is an interface deriving from IAddressable (markers included).</summary>
    public bool IsAddressableInterface(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Interface)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Addressable))
        {
            return true;
        }

        foreach (var inherited in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(inherited.OriginalDefinition, Addressable))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is a non-marker interface deriving from IGrain.</summary>
    public bool IsGrainInterface(INamedTypeSymbol type)
    {
        if (Grain is null || type.TypeKind != TypeKind.Interface || IsMarker(type))
        {
            return false;
        }

        foreach (var inherited in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(inherited.OriginalDefinition, Grain))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsCancellationToken(ITypeSymbol type)
        => CancellationToken is not null && SymbolEqualityComparer.Default.Equals(type, CancellationToken);

    private sealed class Holder(KnownSymbols? symbols)
    {
        public KnownSymbols? Symbols { get; } = symbols;
    }
}
