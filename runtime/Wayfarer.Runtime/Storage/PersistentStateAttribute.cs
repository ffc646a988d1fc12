namespace Wayfarer.Runtime.Storage;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{T}"/> for injection.</summary>
/// <param name="stateName">The state name; part of the storage key.</param>
/// <param name="storageName">The storage provider name; null selects the default provider.</param>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    /// <summary>The state name.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The storage provider name, or null for the default provider.</summary>
    public string? StorageName { get; } = storageName;
}
