namespace Wayfarer.Runtime.Tests.Grains;

public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<Guid> GetActivationId();

    Task<int> GetActivateCount();

    Task Deactivate();

    Task<string> Echo(string value);

    Task Block(string gate);
}
