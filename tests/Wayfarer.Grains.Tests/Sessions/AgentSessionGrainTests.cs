using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.Testing;

namespace Wayfarer.Grains.Tests.Sessions;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AgentSessionGrainTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ConversationAndContextSurviveARestartAndOnlyTheOwnerSeesThem()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var id = TestData.NewId();
        var session = domain.Grains.GetGrain<IAgentSessionGrain>(id);
        Assert.Equal(SessionOutcome.Ok, (await session.Start("alice", "plan-1")).Outcome);
        await session.AppendMessage("alice", MessageRole.User, "Find me a hotel");
        await session.AppendMessage("alice", MessageRole.Assistant, "Here are three");
        await session.SetContext("alice", "city", "Lisbon");
        await session.SetAgentState("alice", "planner", "{\"step\":2}");

        await domain.Cluster.RestartAsync();
        session = domain.Grains.GetGrain<IAgentSessionGrain>(id);
        var snapshot = await session.Get("alice");
        var page = await session.GetMessages("alice", 1, 10);

        Assert.Equal(2, snapshot.Value!.MessageCount);
        Assert.Equal("Lisbon", snapshot.Value.Context["city"]);
        Assert.Equal("plan-1", snapshot.Value.PlanId);
        Assert.Equal("{\"step\":2}", snapshot.Value.AgentStates["planner"]);
        Assert.Equal("Here are three", Assert.Single(page.Value!).Content);
        Assert.Equal(SessionOutcome.NotFound, (await session.Get("mallory")).Outcome);
        Assert.Equal(SessionOutcome.NotFound, (await session.AppendMessage("mallory", MessageRole.User, "hi")).Outcome);
        Assert.False(await session.Erase("mallory"));
    }

    [Fact]
    public async Task StartingTwiceIsRefused()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var session = domain.Grains.GetGrain<IAgentSessionGrain>(TestData.NewId());
        await session.Start("alice", "plan-1");

        Assert.Equal(SessionOutcome.AlreadyExists, (await session.Start("bob", "plan-2")).Outcome);
    }
}
