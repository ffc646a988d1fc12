namespace Wayfarer.Runtime.Tests.Grains;

public sealed class CounterState
{
    public int Value { get; set; }

    public string? Note { get; set; }
}

[Immutable]
public sealed record StateSnapshot(int Value, string? Note, string? ETag, bool RecordExists, Guid ActivationId, int ValueSeenAtActivation);

public interface IStateGrain : IGrainWithStringKey
{
    Task<StateSnapshot> Read();

    Task<StateSnapshot> Add(int amount, string? note = null);

    Task<StateSnapshot> Clear();
}

public interface IOtherStateGrain : IGrainWithStringKey
{
    Task<StateSnapshot> Read();

    Task<StateSnapshot> Add(int amount, string? note = null);
}
