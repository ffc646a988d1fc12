namespace Wayfarer.Runtime.Tests.Grains;

public interface IWorkerGrain : IGrainWithIntegerKey
{
    Task<Guid> Work(string gate);
}

[StatelessWorker(2)]
public sealed class WorkerGrain : Grain, IWorkerGrain
{
    public async Task<Guid> Work(string gate)
    {
        Probe.Increment(gate + ":entered");
        await Probe.Signal(gate).Task;
        return ActivationId.Value;
    }
}
