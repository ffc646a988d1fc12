using Wayfarer.Runtime;

namespace Wayfarer.Runtime.CodeGen.Tests.Support;

/// <summary>The metadata references of compilations under test: the running .NET runtime and Wayfarer.Runtime.</summary>
internal static class References
{
    private static readonly Lazy<MetadataReference[]> s_all = new(Load);

    public static IReadOnlyList<MetadataReference> All => s_all.Value;

    private static MetadataReference[] Load()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));
        return framework
            .Append(typeof(IAddressable).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }
}
