namespace Wayfarer.Runtime.Tests.Grains;

/// <summary>Methods that enter, wait on a gate, and leave, recording how many ran at once.</summary>
public interface IConcurrencyGrain : IGrainWithStringKey
{
    Task Plain(string gate);

    [AlwaysInterleave]
    Task Interleaving(string gate);

    [ReadOnly]
    Task Reading(string gate);

    Task Special(string gate, bool interleave);

    Task<int> MaxConcurrency();

    Task Work(int yields);
}
