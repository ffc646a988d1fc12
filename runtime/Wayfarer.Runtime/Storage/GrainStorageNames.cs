namespace Wayfarer.Runtime.Storage;

/// <summary>Well-known storage provider names.</summary>
public static class GrainStorageNames
{
    /// <summary>The provider used when a <see cref="PersistentStateAttribute"/> names none. Register it as a keyed
    /// <see cref="IGrainStorage"/> service under this key.</summary>
    public const string Default = "Default";
}
