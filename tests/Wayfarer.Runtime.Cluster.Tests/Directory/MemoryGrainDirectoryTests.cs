using Wayfarer.Runtime.Directory;

namespace Wayfarer.Runtime.Cluster.Tests.Directory;

[Trait("Category", "Cluster")]
public sealed class MemoryGrainDirectoryTests : GrainDirectoryContractTests
{
    protected override IGrainDirectory CreateDirectory(string serviceId) => new MemoryGrainDirectory();
}
