namespace Wayfarer.Runtime.Storage;

/// <summary>A named piece of persistent grain state, injected into a grain's constructor with
/// <see cref="PersistentStateAttribute"/>.</summary>
/// <typeparam name="T">The state type.</typeparam>
/// <remarks>The state is read before <c>OnActivateAsync</c> runs. Reads and writes happen on the grain's turn;
/// the object is not safe to use from other threads.</remarks>
public interface IPersistentState<T> : IGrainState<T>
{
    /// <summary>Re-reads the state from storage.</summary>
    Task ReadStateAsync();

    /// <summary>Writes the state to storage.</summary>
    /// <exception cref="InconsistentStateException">Storage holds a newer version; the activation will be deactivated.</exception>
    Task WriteStateAsync();

    /// <summary>Clears the state in storage and resets <see cref="IGrainState{T}.State"/>.</summary>
    Task ClearStateAsync();
}
