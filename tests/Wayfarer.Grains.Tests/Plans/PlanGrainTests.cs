using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Testing;

namespace Wayfarer.Grains.Tests.Plans;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PlanGrainTests(PostgresFixture postgres)
{
    private const string Alice = "alice";
    private const string Bob = "bob";
    private const string Mallory = "mallory";

    [Fact]
    public async Task EveryChangeIsANewVersionWithAuthorAndTheHistorySurvivesARestart()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var id = TestData.NewId();
        var plan = domain.Grains.GetGrain<IPlanGrain>(id);
        var created = await plan.Create(Alice, TestData.Plan());
        Assert.Equal(1, created.Value!.Version);
        Assert.Equal(PlanRole.Owner, created.Value.CallerRole);
        await plan.Share(Alice, Bob, PlanRole.Editor);
        var updated = await plan.Update(Bob, TestData.Plan("Lisbon and Sintra"), 1);
        Assert.Equal(2, updated.Value!.Version);

        await domain.Cluster.RestartAsync();
        var history = await domain.Grains.GetGrain<IPlanGrain>(id).GetHistory(Alice);

        Assert.Collection(history.Value!,
            v => Assert.Equal((1, Alice, "created"), (v.Version, v.AuthorId, v.Change)),
            v => Assert.Equal((2, Bob, "updated"), (v.Version, v.AuthorId, v.Change)));
        var v1 = await domain.Grains.GetGrain<IPlanGrain>(id).GetVersion(Alice, 1);
        Assert.Equal("Lisbon in spring", v1.Value!.Content.Title);
    }

    [Fact]
    public async Task DiffNamesEachChangedFieldByPath()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var plan = domain.Grains.GetGrain<IPlanGrain>(TestData.NewId());
        var original = TestData.Plan();
        await plan.Create(Alice, original);
        var changedDay = original.Itinerary.Days[0] with { Items = [original.Itinerary.Days[0].Items[0]] };
        await plan.Update(Alice, original with { Title = "New title", TravelerCount = 3, Itinerary = new Itinerary([changedDay]) }, null);

        var diff = (await plan.Diff(Alice, 1, 2)).Value!;

        Assert.Contains(diff.Changes, c => c is { Path: "title", Kind: ChangeKind.Changed, From: "\"Lisbon in spring\"", To: "\"New title\"" });
        Assert.Contains(diff.Changes, c => c is { Path: "travelerCount", Kind: ChangeKind.Changed, From: "2", To: "3" });
        Assert.Contains(diff.Changes, c => c.Path.StartsWith("itinerary.days[0].items[1]", StringComparison.Ordinal) && c.Kind == ChangeKind.Removed);
        Assert.Empty((await plan.Diff(Alice, 2, 2)).Value!.Changes);
    }

    [Fact]
    public async Task RestoreMakesANewVersionWithTheOldContent()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var plan = domain.Grains.GetGrain<IPlanGrain>(TestData.NewId());
        await plan.Create(Alice, TestData.Plan("First"));
        await plan.Update(Alice, TestData.Plan("Second"), 1);

        var restored = await plan.Restore(Alice, 1, 2);

        Assert.Equal(3, restored.Value!.Version);
        Assert.Equal("First", restored.Value.Content.Title);
        Assert.Equal("restored from 1", (await plan.GetHistory(Alice)).Value![2].Change);
    }

    [Fact]
    public async Task BranchRecordsItsParentAndBelongsToTheCaller()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var parentId = TestData.NewId();
        var parent = domain.Grains.GetGrain<IPlanGrain>(parentId);
        await parent.Create(Alice, TestData.Plan("Original"));
        await parent.Update(Alice, TestData.Plan("Original v2"), 1);
        await parent.Share(Alice, Bob, PlanRole.Viewer);
        var branchId = TestData.NewId();

        var branch = await parent.Branch(Bob, branchId, 1, "Bob's take");

        Assert.Equal(PlanOutcome.Ok, branch.Outcome);
        Assert.Equal((parentId, 1, Bob, 1), (branch.Value!.ParentPlanId, branch.Value.ParentVersion, branch.Value.OwnerId, branch.Value.Version));
        Assert.Equal("Bob's take", branch.Value.Content.Title);
        Assert.Equal(PlanOutcome.NotFound, (await domain.Grains.GetGrain<IPlanGrain>(branchId).Get(Alice)).Outcome);
    }

    [Fact]
    public async Task RolesAreCheckedInsideTheGrainAndStrangersSeeNothing()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var plan = domain.Grains.GetGrain<IPlanGrain>(TestData.NewId());
        await plan.Create(Alice, TestData.Plan());
        await plan.Share(Alice, Bob, PlanRole.Viewer);

        Assert.Equal(PlanOutcome.Ok, (await plan.Get(Bob)).Outcome);
        Assert.Equal(PlanOutcome.Forbidden, (await plan.Update(Bob, TestData.Plan("x"), null)).Outcome);
        Assert.Equal(PlanOutcome.Forbidden, (await plan.Share(Bob, Mallory, PlanRole.Viewer)).Outcome);
        Assert.Equal(PlanOutcome.Forbidden, (await plan.Delete(Bob, null)).Outcome);
        Assert.Equal(PlanOutcome.NotFound, (await plan.Get(Mallory)).Outcome);
        Assert.Equal(PlanOutcome.NotFound, (await plan.GetHistory(Mallory)).Outcome);
        Assert.Equal(PlanOutcome.NotFound, (await plan.Diff(Mallory, 1, 1)).Outcome);
        Assert.Equal(PlanOutcome.NotFound, (await plan.GetShares(Mallory)).Outcome);
        Assert.Equal(PlanOutcome.NotFound, (await plan.Branch(Mallory, TestData.NewId(), null, null)).Outcome);

        await plan.Share(Alice, Bob, PlanRole.Editor);
        Assert.Equal(PlanOutcome.Ok, (await plan.Update(Bob, TestData.Plan("by bob"), null)).Outcome);
        await plan.Unshare(Alice, Bob);
        Assert.Equal(PlanOutcome.NotFound, (await plan.Get(Bob)).Outcome);
    }

    [Fact]
    public async Task AStaleExpectedVersionIsRefusedAndNothingChanges()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var plan = domain.Grains.GetGrain<IPlanGrain>(TestData.NewId());
        await plan.Create(Alice, TestData.Plan("v1"));
        await plan.Update(Alice, TestData.Plan("v2"), 1);

        var stale = await plan.Update(Alice, TestData.Plan("lost update"), 1);

        Assert.Equal(PlanOutcome.VersionMismatch, stale.Outcome);
        Assert.Equal(2, stale.CurrentVersion);
        Assert.Equal("v2", (await plan.Get(Alice)).Value!.Content.Title);
    }

    [Fact]
    public async Task InvalidContentIsRefusedWithoutANewVersion()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var plan = domain.Grains.GetGrain<IPlanGrain>(TestData.NewId());
        await plan.Create(Alice, TestData.Plan());

        var result = await plan.Update(Alice, TestData.Plan() with { EndDate = new DateOnly(2027, 3, 1) }, null);

        Assert.Equal(PlanOutcome.Invalid, result.Outcome);
        Assert.Equal(1, (await plan.Get(Alice)).Value!.Version);
    }

    [Fact]
    public async Task DeletedPlanIsNotFoundForAnyone()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var plan = domain.Grains.GetGrain<IPlanGrain>(TestData.NewId());
        await plan.Create(Alice, TestData.Plan());
        await plan.Share(Alice, Bob, PlanRole.Editor);

        Assert.Equal(PlanOutcome.Ok, (await plan.Delete(Alice, 1)).Outcome);

        Assert.Equal(PlanOutcome.NotFound, (await plan.Get(Alice)).Outcome);
        Assert.Equal(PlanOutcome.NotFound, (await plan.Get(Bob)).Outcome);
    }
}
