namespace Wayfarer.Runtime.Management;

/// <summary>A system grain that lives on the silo named by its key and reports that silo's runtime status.</summary>
public interface ISiloControlGrain : IGrainWithStringKey
{
    /// <summary>The hosting silo's status.</summary>
    Task<SiloRuntimeStatus> GetStatus();
}
