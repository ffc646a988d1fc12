using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Tests.Grains;

public abstract class ConcurrencyGrainBase : Grain, IConcurrencyGrain
{
    private int _running;
    private int _max;

    public Task Plain(string gate) => Enter(gate);

    public Task Interleaving(string gate) => Enter(gate);

    public Task Reading(string gate) => Enter(gate);

    public Task Special(string gate, bool interleave) => Enter(gate);

    public Task<int> MaxConcurrency() => Task.FromResult(_max);

    public async Task Work(int yields)
    {
        _max = Math.Max(_max, ++_running);
        for (var i = 0; i < yields; i++)
        {
            await Task.Yield();
        }

        _running--;
    }

    private async Task Enter(string gate)
    {
        _max = Math.Max(_max, ++_running);
        Probe.Log(gate, "enter");
        Probe.Signal(gate + ":entered").TrySetResult();
        await Probe.Signal(gate).Task;
        Probe.Log(gate, "exit");
        _running--;
    }
}

[GrainType("plain-concurrency")]
public sealed class PlainConcurrencyGrain : ConcurrencyGrainBase
{
}

[Reentrant]
[GrainType("reentrant-concurrency")]
public sealed class ReentrantConcurrencyGrain : ConcurrencyGrainBase
{
}

[MayInterleave(nameof(ArgumentSaysInterleave))]
[GrainType("mayinterleave-concurrency")]
public sealed class MayInterleaveConcurrencyGrain : ConcurrencyGrainBase
{
    public static bool ArgumentSaysInterleave(GrainRequest request)
        => request.Method.Name == nameof(Special) && request.GetArgument(1) is true;
}
