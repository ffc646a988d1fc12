using Wayfarer.GrainInterfaces.Memory;
using Microsoft.Extensions.DependencyInjection;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Storage;
using Wayfarer.Memory.Vectors;
using Wayfarer.Memory.Tests.Support;
using Wayfarer.Runtime.Testing;
using Wayfarer.Testing;

namespace Wayfarer.Memory.Tests.Grains;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UserMemoryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AUsersSearchNeverReturnsAnotherUsersPrivateVectors()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres);
        var alice = memory.Grains.GetGrain<IUserMemoryGrain>("alice");
        var bob = memory.Grains.GetGrain<IUserMemoryGrain>("bob");
        await alice.UpsertAsync(new MemoryBatch([new MemoryItem(MemoryCollections.UserPreferences, "a-pref", "loves temples and sushi in Tokyo")]));
        await bob.UpsertAsync(new MemoryBatch([
            new MemoryItem(MemoryCollections.UserPreferences, "b-pref", "loves temples and sushi in Tokyo"),
            new MemoryItem(MemoryCollections.TravelPlans, "b-plan", "Tokyo temples and sushi week"),
        ]));
        var search = memory.Grains.GetGrain<ISearchGrain>(0);

        var asAlice = await search.SearchAsync(new SearchRequest("temples and sushi in Tokyo") { UserId = "alice", Limit = 50 });
        var anonymous = await search.SearchAsync(new SearchRequest("temples and sushi in Tokyo") { Limit = 50 });

        Assert.Equal(["a-pref"], asAlice.Hits.Select(h => h.Id));
        Assert.True(asAlice.Hits[0].IsPrivate);
        Assert.Empty(anonymous.Hits);
        await Assert.ThrowsAsync<ArgumentException>(() => search.SearchAsync(new SearchRequest("sushi") { Collections = [MemoryCollections.TravelPlans] }));
    }

    [Fact]
    public async Task AgentMemoryExpiresAfterItsTimeToLiveAndItsRowIsDeleted()
    {
        var time = new ManualTimeProvider();
        await using var memory = await MemoryCluster.StartAsync(postgres, timeProvider: time);
        var user = memory.Grains.GetGrain<IUserMemoryGrain>("carol");
        await user.RememberAsync(new MemoryItem(MemoryCollections.AgentMemory, "m1", "prefers window seats on night trains") { TimeToLive = TimeSpan.FromHours(1) });
        await user.RememberAsync(new MemoryItem(MemoryCollections.AgentMemory, "m2", "prefers aisle seats on night flights"));
        var search = memory.Grains.GetGrain<ISearchGrain>(0);
        var request = new SearchRequest("window seats night trains") { UserId = "carol", Collections = [MemoryCollections.AgentMemory] };

        var before = await search.SearchAsync(request);
        time.Advance(TimeSpan.FromHours(2));
        var after = await search.SearchAsync(request);
        // Idle collection, re-activation, the sweeper or this explicit prune (whichever comes first) deletes the row.
        await user.PruneAsync();

        Assert.Equal("m1", before.Hits[0].Id);
        Assert.Equal(["m2"], after.Hits.Select(h => h.Id));
        Assert.Equal(1, await memory.CountRowsAsync("carol"));
    }

    [Fact]
    public async Task RelevancePruningDropsTheLeastRelevantMemoriesOverTheCap()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres, configure: o => o.MaxAgentMemories = 2);
        var user = memory.Grains.GetGrain<IUserMemoryGrain>("dave");

        await user.RememberAsync(new MemoryItem(MemoryCollections.AgentMemory, "high", "vegetarian") { Relevance = 0.9f });
        await user.RememberAsync(new MemoryItem(MemoryCollections.AgentMemory, "low", "mentioned rain once") { Relevance = 0.1f });
        await user.RememberAsync(new MemoryItem(MemoryCollections.AgentMemory, "mid", "likes museums") { Relevance = 0.5f });

        Assert.NotNull(await user.GetAsync(MemoryCollections.AgentMemory, "high"));
        Assert.NotNull(await user.GetAsync(MemoryCollections.AgentMemory, "mid"));
        Assert.Null(await user.GetAsync(MemoryCollections.AgentMemory, "low"));
        Assert.Equal(2, await memory.CountRowsAsync("dave"));
    }

    [Fact]
    public async Task ErasingAUserRemovesEveryVectorTheyOwnAndNobodyElses()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres);
        var erin = memory.Grains.GetGrain<IUserMemoryGrain>("erin");
        await erin.UpsertAsync(new MemoryBatch([
            new MemoryItem(MemoryCollections.UserPreferences, "p", "street food"),
            new MemoryItem(MemoryCollections.TravelPlans, "t", "Osaka food trip"),
            new MemoryItem(MemoryCollections.AgentMemory, "m", "allergic to peanuts"),
        ]));
        await memory.Grains.GetGrain<IUserMemoryGrain>("frank").UpsertAsync(new MemoryBatch([new MemoryItem(MemoryCollections.UserPreferences, "p", "street food")]));
        var search = memory.Grains.GetGrain<ISearchGrain>(0);

        var erased = await search.EraseUserAsync("erin");
        var afterwards = await search.SearchAsync(new SearchRequest("street food Osaka peanuts") { UserId = "erin" });

        Assert.Equal(3, erased);
        Assert.Equal(0, await memory.CountRowsAsync("erin"));
        Assert.Empty(afterwards.Hits);
        Assert.Equal(1, await memory.CountRowsAsync("frank"));
    }

    [Fact]
    public async Task VectorsSurviveASiloRestart()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres);
        await memory.Grains.GetGrain<IUserMemoryGrain>("gina").UpsertAsync(new MemoryBatch([new MemoryItem(MemoryCollections.TravelPlans, "kyoto", "Autumn leaves in Kyoto temples")]));

        await memory.Cluster.RestartAsync();
        var hits = await memory.Grains.GetGrain<ISearchGrain>(0).SearchAsync(new SearchRequest("Kyoto autumn temples") { UserId = "gina" });

        Assert.Equal("kyoto", Assert.Single(hits.Hits).Id);
    }

    [Fact]
    public async Task AQueryFromAnotherEmbeddingModelIsRefusedWithATypedException()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres);
        var user = memory.Grains.GetGrain<IUserMemoryGrain>("hank");
        await user.UpsertAsync(new MemoryBatch([new MemoryItem(MemoryCollections.UserPreferences, "p", "beaches")]));

        var exception = await Assert.ThrowsAsync<EmbeddingSpaceMismatchException>(() => user.SearchAsync(new MemoryQuery(new float[384], "some-other-model", 5)));

        Assert.Equal(HashingEmbeddingGenerator.DefaultModelId, exception.Expected.Model);
        Assert.Equal("some-other-model", exception.Actual.Model);
    }

    [Fact]
    public async Task SimilarPlansAreTheUsersOwnOtherPlansBestFirst()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres);
        await memory.Grains.GetGrain<IUserMemoryGrain>("ivy").UpsertAsync(new MemoryBatch([
            new MemoryItem(MemoryCollections.TravelPlans, "tokyo-1", "Tokyo temples, ramen and sushi"),
            new MemoryItem(MemoryCollections.TravelPlans, "tokyo-2", "Tokyo ramen crawl and temples"),
            new MemoryItem(MemoryCollections.TravelPlans, "alps", "Hiking huts in the Swiss Alps"),
        ]));
        await memory.Grains.GetGrain<IUserMemoryGrain>("jack").UpsertAsync(new MemoryBatch([new MemoryItem(MemoryCollections.TravelPlans, "tokyo-3", "Tokyo temples, ramen and sushi")]));

        var similar = await memory.Grains.GetGrain<ISearchGrain>(0).SimilarPlansAsync("ivy", "tokyo-1", 5);

        Assert.Equal(["tokyo-2", "alps"], similar.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task RowsStoredByAnotherModelAreReembeddedIntoTheCurrentSpaceOnActivation()
    {
        var connectionString = await postgres.CreateDatabaseAsync("mem");
        await using (var first = await MemoryCluster.StartAsync(postgres, connectionString: connectionString))
        {
            await using var store = new MemoryEmbeddingStore(new MemoryStoreOptions { ConnectionString = connectionString });
            var old = new VectorEntry(MemoryCollections.TravelPlans, "legacy", [1, 0, 0, 0]) { Owner = "lena", Text = "Lisbon trams and custard tarts" };
            await store.UpsertAsync([new StoredEmbedding(old, new EmbeddingSpace("old-model", 4), "old-hash")]);
        }

        await using var memory = await MemoryCluster.StartAsync(postgres, connectionString: connectionString);
        var hits = await memory.Grains.GetGrain<ISearchGrain>(0).SearchAsync(new SearchRequest("custard tarts in Lisbon") { UserId = "lena", Collections = [MemoryCollections.TravelPlans] });
        await using var check = new MemoryEmbeddingStore(new MemoryStoreOptions { ConnectionString = connectionString });
        var rows = await check.LoadOwnerAsync("lena");

        Assert.Equal("legacy", Assert.Single(hits.Hits).Id);
        var row = Assert.Single(rows);
        Assert.Equal(new EmbeddingSpace(HashingEmbeddingGenerator.DefaultModelId, 384), row.Space);
        Assert.Equal(384, row.Entry.Vector.Length);
    }

    [Fact]
    public async Task TheExpirySweepDeletesExpiredRowsOfUsersWhoseGrainsAreNotActive()
    {
        var time = new ManualTimeProvider();
        await using var memory = await MemoryCluster.StartAsync(postgres, timeProvider: time);
        await using var store = new MemoryEmbeddingStore(new MemoryStoreOptions { ConnectionString = memory.ConnectionString });
        var entry = new VectorEntry(MemoryCollections.AgentMemory, "old", new float[384]) { Owner = "nina", Text = "asked about ferries", ExpiresAt = time.GetUtcNow().AddMinutes(5) };
        await store.UpsertAsync([new StoredEmbedding(entry, new EmbeddingSpace(HashingEmbeddingGenerator.DefaultModelId, 384), "h")]);
        var sweeper = memory.Cluster.ServiceProvider.GetRequiredService<Wayfarer.Grains.Memory.MemoryExpirySweeper>();

        var early = await sweeper.SweepAsync();
        time.Advance(TimeSpan.FromMinutes(10));
        var late = await sweeper.SweepAsync();

        Assert.Equal((0, 1), (early, late));
        Assert.Equal(0, await memory.CountRowsAsync("nina"));
    }
}
