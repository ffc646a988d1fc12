namespace Wayfarer.Runtime.Storage;

/// <summary>A grain state store. Every implementation passes the storage contract suite.</summary>
/// <remarks>
/// A record is identified by service id + grain type + full grain key + state name. Writes and clears are
/// optimistic: they name the ETag they last saw (null when they saw no record) and fail with
/// <see cref="InconsistentStateException"/>, leaving storage unchanged, when it is not the stored one.
/// Every successful write or clear yields a new ETag. Implementations are safe for concurrent use.
/// </remarks>
public interface IGrainStorage
{
    /// <summary>Reads the record into <paramref name="grainState"/>; a missing record sets
    /// <see cref="IGrainState{T}.RecordExists"/> false and the state to a new <typeparamref name="T"/>.</summary>
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Writes the state if <see cref="IGrainState{T}.ETag"/> matches storage and updates the ETag.</summary>
    /// <exception cref="InconsistentStateException">The ETag is stale or missing; nothing was written.</exception>
    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    /// <summary>Clears the record if the ETag matches, sets <see cref="IGrainState{T}.RecordExists"/> false,
    /// resets the state and updates the ETag.</summary>
    /// <exception cref="InconsistentStateException">The ETag is stale; nothing was cleared.</exception>
    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}
