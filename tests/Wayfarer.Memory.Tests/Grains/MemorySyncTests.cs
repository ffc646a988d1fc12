using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Grains.Memory;
using Wayfarer.Memory.Tests.Support;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Testing;
using Wayfarer.Testing;

namespace Wayfarer.Memory.Tests.Grains;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MemorySyncTests(PostgresFixture postgres)
{
    [Fact]
    public async Task PlanWritesSucceedDuringAMemoryOutageAndAReminderRepairsTheVector()
    {
        var time = new ManualTimeProvider();
        var embeddings = new FlakyEmbeddingGenerator();
        await using var memory = await MemoryCluster.StartAsync(postgres, timeProvider: time,
            services: s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embeddings),
            silo: s => s.UseMemoryReminderTable());
        var plan = memory.Grains.GetGrain<IPlanGrain>("plan-outage");
        embeddings.Failing = true;

        var created = await plan.Create("owner-1", Plan("Kyoto temples in autumn"));

        Assert.Equal(PlanOutcome.Ok, created.Outcome);
        Assert.Equal(0, await memory.CountRowsAsync("owner-1"));

        embeddings.Failing = false;
        time.Advance(MemorySync.RetryPeriod + TimeSpan.FromSeconds(1));
        await embeddings.Recovered.WaitAsync(TimeSpan.FromSeconds(30));
        // A write call queues behind the retried upsert that is embedding now, so the row is stored when it returns.
        await memory.Grains.GetGrain<IUserMemoryGrain>("owner-1").PruneAsync();

        var stored = await memory.Grains.GetGrain<IUserMemoryGrain>("owner-1").GetAsync(MemoryCollections.TravelPlans, "plan-outage");
        Assert.NotNull(stored);
        Assert.Equal("Kyoto", stored.City);
        Assert.Contains("Kyoto temples in autumn", stored.Text, StringComparison.Ordinal);
        Assert.Equal(1, await memory.CountRowsAsync("owner-1"));
    }

    [Fact]
    public async Task PlanAndPreferenceChangesAreMirroredInTheOwnersMemory()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres);
        var plan = memory.Grains.GetGrain<IPlanGrain>("plan-sync");
        var owner = memory.Grains.GetGrain<IUserMemoryGrain>("owner-2");

        await plan.Create("owner-2", Plan("Lisbon trams"));
        await plan.Update("owner-2", Plan("Porto wine cellars"), null);
        var updated = await owner.GetAsync(MemoryCollections.TravelPlans, "plan-sync");
        await plan.Delete("owner-2", null);

        Assert.Contains("Porto wine cellars", updated?.Text, StringComparison.Ordinal);
        Assert.Null(await owner.GetAsync(MemoryCollections.TravelPlans, "plan-sync"));
        Assert.Equal(0, await memory.CountRowsAsync("owner-2"));
    }

    [Fact]
    public void PreferencesBecomeOneReadableItem()
    {
        var item = MemorySync.ForPreferences(new TravelPreferences(BudgetLevel.Budget, TravelPace.Relaxed, ["temples", "street food"], ["vegetarian"],
            MobilityLevel.Full, [TransportMode.Train]));

        Assert.Equal(MemoryCollections.UserPreferences, item.Collection);
        Assert.Equal(MemorySync.PreferencesId, item.Id);
        Assert.Contains("Interests: temples, street food.", item.Text, StringComparison.Ordinal);
        Assert.Contains("vegetarian", item.Text, StringComparison.Ordinal);
    }

    private static PlanContent Plan(string title) =>
        new(title, "Slow travel", ["Kyoto", "Osaka"], new DateOnly(2027, 10, 1), new DateOnly(2027, 10, 9), 2, null, null, PlanStatus.Planning, new Itinerary([]));
}
