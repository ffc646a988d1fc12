namespace Wayfarer.Runtime.Activation;

/// <summary>The local activations of one stateless worker grain: calls go to an idle worker, or a new one while fewer
/// than the maximum exist, or else the least loaded.</summary>
internal sealed class StatelessWorkerGroup(SiloRuntime runtime, GrainTypeInfo type, GrainId grainId)
{
    private readonly Lock _lock = new();
    private readonly List<ActivationData> _workers = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _workers.Count;
            }
        }
    }

    public IReadOnlyList<ActivationData> Workers
    {
        get
        {
            lock (_lock)
            {
                return _workers.ToArray();
            }
        }
    }

    public ActivationData Pick()
    {
        lock (_lock)
        {
            ActivationData? best = null;
            var bestLoad = int.MaxValue;
            foreach (var worker in _workers)
            {
                var load = worker.Load;
                if (load < bestLoad && worker.State is not (ActivationState.Deactivating or ActivationState.Invalid))
                {
                    best = worker;
                    bestLoad = load;
                }
            }

            if (best is not null && (bestLoad == 0 || _workers.Count >= type.StatelessWorkerMax))
            {
                return best;
            }

            var created = new ActivationData(runtime, type, grainId, ActivationId.NewId()) { WorkerGroup = this };
            _workers.Add(created);
            return created;
        }
    }

    public void Remove(ActivationData worker)
    {
        lock (_lock)
        {
            _workers.Remove(worker);
        }
    }
}
