namespace Wayfarer.Runtime.Cluster.Tests.Support;

/// <summary>The tests that share the process-wide Redis; each isolates itself with unique ids.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "Redis";
}
