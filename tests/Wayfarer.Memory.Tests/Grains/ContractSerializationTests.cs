using System.Text.Json;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Runtime.Serialization;

namespace Wayfarer.Memory.Tests.Grains;

/// <summary>The memory messages survive the runtime's JSON (used between silos), by their declared types.</summary>
[Trait("Category", "Unit")]
public sealed class ContractSerializationTests
{
    [Fact]
    public void QueriesAndResultsRoundTripThroughGrainJson()
    {
        var query = new MemoryQuery([0.6f, 0.8f], "m", 5)
        {
            Collections = [MemoryCollections.Activities],
            Filter = new SearchFilter { City = "Tokyo", From = DateTimeOffset.UnixEpoch, Metadata = new Dictionary<string, string> { ["price"] = "$" }, ExcludeIds = ["x"] },
            Mode = SearchMode.Hybrid,
            TextRanks = new Dictionary<string, float> { ["activities/a"] = 0.5f },
        };
        var hit = new MemoryHit(MemoryCollections.Activities, "a", "text", 0.9f, 0.8f, 0.5f) { City = "Tokyo", Metadata = new Dictionary<string, string> { ["name"] = "A" } };
        var result = new MemorySearchResult([hit]) { Vectors = [[0.6f, 0.8f]] };
        var response = new SearchResponse([hit], "m", SearchMode.Vector) { GrainsSearched = 3, InferredCity = "Tokyo" };
        var batch = new MemoryBatch([new MemoryItem(MemoryCollections.AgentMemory, "m1", "likes tea") { TimeToLive = TimeSpan.FromHours(1) }]);

        var queryCopy = RoundTrip(query);
        var resultCopy = RoundTrip(result);
        var responseCopy = RoundTrip(response);
        var batchCopy = RoundTrip(batch);

        Assert.Equal(query.Vector, queryCopy.Vector);
        Assert.Equal("Tokyo", queryCopy.Filter.City);
        Assert.Equal(0.5f, queryCopy.TextRanks!["activities/a"]);
        Assert.Equal(hit.Id, resultCopy.Hits[0].Id);
        Assert.Equal("A", resultCopy.Hits[0].Metadata["name"]);
        Assert.Equal(result.Vectors[0], resultCopy.Vectors[0]);
        Assert.Equal(("Tokyo", 3), (responseCopy.InferredCity, responseCopy.GrainsSearched));
        Assert.Equal(TimeSpan.FromHours(1), batchCopy.Items[0].TimeToLive);
    }

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, GrainJson.Default), GrainJson.Default)!;
}
