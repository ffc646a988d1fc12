using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Testing;

namespace Wayfarer.Grains.Tests.Plans;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PlanErasureTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ForgettingAUserRemovesTheirShareAndAuthorshipButKeepsTheContent()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var id = TestData.NewId();
        var plan = domain.Grains.GetGrain<IPlanGrain>(id);
        await plan.Create("alice", TestData.Plan());
        await plan.Share("alice", "bob", PlanRole.Editor);
        await plan.Update("bob", TestData.Plan("Bob was here"), null);

        Assert.True(await plan.ForgetUser("bob"));
        await domain.Cluster.RestartAsync();
        plan = domain.Grains.GetGrain<IPlanGrain>(id);

        var current = (await plan.Get("alice")).Value!;
        Assert.Equal(("Bob was here", IPlanGrain.ErasedUserId), (current.Content.Title, current.UpdatedBy));
        Assert.Equal(IPlanGrain.ErasedUserId, (await plan.GetHistory("alice")).Value![1].AuthorId);
        Assert.Empty((await plan.GetShares("alice")).Value!);
        Assert.Equal(PlanOutcome.NotFound, (await plan.Get("bob")).Outcome);
        Assert.False(await plan.ForgetUser("bob"));
    }
}
