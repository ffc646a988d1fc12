using System.Collections.Concurrent;

namespace Wayfarer.Runtime.Activation;

/// <summary>The activations of this silo, by grain id. At most one live activation per (non-worker) grain: creation
/// races resolve through a single atomic insert.</summary>
internal sealed class Catalog(SiloRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly ConcurrentDictionary<GrainId, StatelessWorkerGroup> _workers = new();

    public int Count => _activations.Count + _workers.Values.Sum(g => g.Count);

    public IEnumerable<ActivationData> All => _activations.Values.Concat(_workers.Values.SelectMany(g => g.Workers));

    public bool TryGet(GrainId grainId, out ActivationData activation) => _activations.TryGetValue(grainId, out activation!);

    public StatelessWorkerGroup? GetWorkerGroup(GrainId grainId) => _workers.GetValueOrDefault(grainId);

    /// <summary>Finds the activation a message for <paramref name="grainId"/> goes to, creating it if needed.</summary>
    public ActivationData GetOrCreate(GrainTypeInfo type, GrainId grainId)
    {
        if (type.StatelessWorkerMax > 0)
        {
            return _workers.GetOrAdd(grainId, static (id, s) => new StatelessWorkerGroup(s.runtime, s.type, id), (runtime, type)).Pick();
        }

        if (_activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        var created = new ActivationData(runtime, type, grainId, ActivationId.NewId());
        return _activations.GetOrAdd(grainId, created);
    }

    public bool TryAdd(ActivationData activation) => _activations.TryAdd(activation.GrainId, activation);

    /// <summary>Removes exactly this activation (not a successor registered under the same id).</summary>
    public void Remove(ActivationData activation)
    {
        if (activation.WorkerGroup is { } group)
        {
            group.Remove(activation);
            return;
        }

        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
    }
}
