namespace Wayfarer.Runtime.Storage;

/// <summary>Names the storage provider of a <see cref="Grain{TState}"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StorageProviderAttribute : Attribute
{
    /// <summary>The provider name.</summary>
    /// <value>Default <see cref="GrainStorageNames.Default"/>.</value>
    public string ProviderName { get; set; } = GrainStorageNames.Default;
}
