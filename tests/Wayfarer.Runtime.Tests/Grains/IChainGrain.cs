namespace Wayfarer.Runtime.Tests.Grains;

/// <summary>Calls along a chain of grains: each hop calls the next, the last returns the path.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    Task<string> Call(IChainGrain[] rest);

    Task<string> CallSelf();
}
