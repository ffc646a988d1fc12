namespace Wayfarer.Runtime.Tests.Grains;

public interface IFilteredGrain : IGrainWithStringKey
{
    Task<string> Hello(string name);

    Task<int> Flaky(string probe, int failures);
}

public sealed class FilteredGrain : Grain, IFilteredGrain
{
    public Task<string> Hello(string name)
    {
        Probe.Log(name, "grain");
        return Task.FromResult("hello " + name);
    }

    public Task<int> Flaky(string probe, int failures)
    {
        var attempt = Probe.Increment(probe);
        return attempt <= failures ? throw new InvalidOperationException($"attempt {attempt} fails") : Task.FromResult(attempt);
    }
}
