using Wayfarer.Runtime.Activation;

namespace Wayfarer.Runtime.Storage;

/// <summary>The runtime's <see cref="IPersistentState{T}"/>: a state bound to one activation and one storage provider.</summary>
internal sealed class PersistentState<T>(string stateName, string storageName, ActivationData activation, IGrainStorage storage)
    : IPersistentState<T>, IStateLoader
{
    private readonly GrainState<T> _state = new(default!);

    public T State
    {
        get => _state.State;
        set => _state.State = value;
    }

    public string? ETag
    {
        get => _state.ETag;
        set => _state.ETag = value;
    }

    public bool RecordExists
    {
        get => _state.RecordExists;
        set => _state.RecordExists = value;
    }

    public Task LoadAsync() => ReadStateAsync();

    public Task ReadStateAsync() => RunAsync("read", () => storage.ReadStateAsync(stateName, activation.GrainId, _state));

    public Task WriteStateAsync() => RunAsync("write", () => storage.WriteStateAsync(stateName, activation.GrainId, _state));

    public Task ClearStateAsync() => RunAsync("clear", () => storage.ClearStateAsync(stateName, activation.GrainId, _state));

    private async Task RunAsync(string operation, Func<Task> action)
    {
        var metrics = activation.Runtime.Metrics;
        var started = activation.Runtime.TimeProvider.GetTimestamp();
        try
        {
            await action();
            metrics.RecordStorage(operation, storageName, activation.Runtime.TimeProvider.GetElapsedTime(started), failed: false);
        }
        catch (InconsistentStateException exception)
        {
            metrics.StorageConflicts.Add(1, new KeyValuePair<string, object?>("provider", storageName));
            metrics.RecordStorage(operation, storageName, activation.Runtime.TimeProvider.GetElapsedTime(started), failed: true);

            // This activation holds stale state: retire it so the next call reloads what storage holds.
            activation.RequestDeactivation(DeactivationReason.InconsistentState);
            if (exception.GrainId is null)
            {
                throw new InconsistentStateException(exception.Message, exception.StoredEtag, exception.CurrentEtag, exception)
                {
                    GrainId = activation.GrainId,
                    StateName = stateName,
                };
            }

            throw;
        }
        catch (Exception)
        {
            metrics.RecordStorage(operation, storageName, activation.Runtime.TimeProvider.GetElapsedTime(started), failed: true);
            throw;
        }
    }
}
