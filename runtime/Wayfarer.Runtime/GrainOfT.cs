using Wayfarer.Runtime.Storage;

namespace Wayfarer.Runtime;

/// <summary>A grain with one persistent state, stored under the state name <c>state</c> in the provider named by
/// <see cref="StorageProviderAttribute"/> (the default provider otherwise).</summary>
/// <typeparam name="TState">The state type.</typeparam>
public abstract class Grain<TState> : Grain
{
    private readonly IPersistentState<TState> _state;

    /// <summary>Binds the state to this activation; it is loaded before <see cref="Grain.OnActivateAsync"/>.</summary>
    protected Grain()
    {
        var storageName = (Attribute.GetCustomAttribute(GetType(), typeof(StorageProviderAttribute)) as StorageProviderAttribute)?.ProviderName;
        _state = Activation.CreatePersistentState<TState>("state", storageName);
    }

    /// <summary>The state value.</summary>
    protected TState State
    {
        get => _state.State;
        set => _state.State = value;
    }

    /// <summary>Re-reads the state.</summary>
    protected Task ReadStateAsync() => _state.ReadStateAsync();

    /// <summary>Writes the state.</summary>
    protected Task WriteStateAsync() => _state.WriteStateAsync();

    /// <summary>Clears the state.</summary>
    protected Task ClearStateAsync() => _state.ClearStateAsync();
}
