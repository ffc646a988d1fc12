using Wayfarer.Testing;

namespace Wayfarer.Cluster.ProcessTests;

/// <summary>The process tests run one after another: each starts several silo processes on a 2-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessClusterCollection : ICollectionFixture<PostgresFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "ProcessCluster";
}
