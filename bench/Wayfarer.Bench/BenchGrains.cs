using Wayfarer.Runtime;
using Wayfarer.Runtime.Serialization;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Bench;

/// <summary>The smallest useful grain call: an int in, an int out.</summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}

/// <summary>Stateless ping target for the <c>calls</c> and <c>activations</c> benchmarks.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}

/// <summary>A ping target with one persistent state (in-memory storage in the activation benchmark): activating it
/// also builds and loads an <see cref="IPersistentState{T}"/>.</summary>
public interface IStatefulPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}

public sealed class StatefulPingGrain([PersistentState("bench")] IPersistentState<BenchState> state) : Grain, IStatefulPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + (int)state.State.Counter + 1);
}

/// <summary>Writes its own persistent record on every call (the <c>storage</c> benchmark).</summary>
public interface IWriterGrain : IGrainWithIntegerKey
{
    Task Write(long sequence);
}

public sealed class WriterGrain([PersistentState("bench")] IPersistentState<BenchState> state) : Grain, IWriterGrain
{
    public async Task Write(long sequence)
    {
        BenchState.Fill(state.State, this.GetPrimaryKeyLong(), sequence);
        await state.WriteStateAsync();
    }
}

/// <summary>A representative small document: a few scalars, a timestamp, a short list and a nested object.</summary>
public sealed class BenchState
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public long Counter { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public double Score { get; set; }

    public List<string> Tags { get; set; } = [];

    public BenchAddress Address { get; set; } = new();

    /// <summary>Sets every field from the owner and a sequence number, the same way for grains and for raw upserts,
    /// so both paths store byte-for-byte comparable documents of the same size.</summary>
    public static void Fill(BenchState state, long owner, long sequence)
    {
        state.Counter = sequence;
        state.Name = "traveller-" + owner.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        state.Status = (sequence & 1) == 0 ? "active" : "resting";
        state.UpdatedAt = Epoch.AddSeconds(sequence);
        state.Score = sequence * 0.5;
        if (state.Tags.Count == 0)
        {
            state.Tags.AddRange(["explorer", "night-owl", "early-adopter", "route-planner"]);
        }

        state.Address.Street = "1 Long Road";
        state.Address.City = "Lisbon";
        state.Address.Country = "PT";
        state.Address.PostalCode = "1100-148";
    }

    /// <summary>The UTF-8 size of the serialized document (GrainJson.Default, as the storage provider writes it).</summary>
    public static int PayloadBytes(long owner, long sequence)
    {
        var state = new BenchState();
        Fill(state, owner, sequence);
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(state, GrainJson.Default).Length;
    }
}

public sealed class BenchAddress
{
    public string Street { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;
}
