using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Cluster.Tests.Membership;

[Trait("Category", "Cluster")]
public sealed class MemoryMembershipTableTests : MembershipTableContractTests
{
    protected override IMembershipTable CreateTable(string serviceId, string clusterId) => new MemoryMembershipTable();
}
