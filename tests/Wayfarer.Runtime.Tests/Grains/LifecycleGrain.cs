namespace Wayfarer.Runtime.Tests.Grains;

/// <summary>Counts activations per key; fails activation while the key starts with "fail-once" and has not failed yet.</summary>
public sealed class LifecycleGrain : Grain, ILifecycleGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var attempt = Probe.Increment("activate:" + key);
        if (key.StartsWith("fail-once", StringComparison.Ordinal) && attempt == 1)
        {
            throw new InvalidOperationException("first activation fails on purpose");
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Probe.Log("deactivate:" + this.GetPrimaryKeyString(), reason.ToString());
        return Task.CompletedTask;
    }

    public Task<Guid> GetActivationId() => Task.FromResult(ActivationId.Value);

    public Task<int> GetActivateCount() => Task.FromResult(Probe.Count("activate:" + this.GetPrimaryKeyString()));

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<string> Echo(string value) => Task.FromResult(value);

    public async Task Block(string gate)
    {
        Probe.Signal(gate + ":entered").TrySetResult();
        await Probe.Signal(gate).Task;
    }
}

[CollectionAgeLimit(Minutes = 2)]
public sealed class ShortLivedGrain : Grain, IShortLivedGrain
{
    public Task<Guid> GetActivationId() => Task.FromResult(ActivationId.Value);
}

public interface IShortLivedGrain : IGrainWithIntegerKey
{
    Task<Guid> GetActivationId();
}
