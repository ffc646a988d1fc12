namespace Wayfarer.Runtime.Cluster.Tests.Support;

/// <summary>Unique ids, so tests sharing one store never see each other's data.</summary>
internal static class Ids
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
