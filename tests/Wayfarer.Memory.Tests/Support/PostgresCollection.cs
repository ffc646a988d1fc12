using Wayfarer.Testing;

namespace Wayfarer.Memory.Tests.Support;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "memory-postgres";
}
