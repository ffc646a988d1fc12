using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Demo;

/// <summary>A durable counter: the demo grain <c>./run.sh</c> serves, and a smoke test of the whole stack.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds <paramref name="by"/> and persists the new value before answering.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is not between 1 and 1,000,000.</exception>
    Task<CounterSnapshot> Increment(long by);

    /// <summary>Reads the current value.</summary>
    [ReadOnly]
    Task<CounterSnapshot> Get();
}
