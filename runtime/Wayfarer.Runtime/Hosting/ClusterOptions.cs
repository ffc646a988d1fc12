namespace Wayfarer.Runtime.Hosting;

/// <summary>Names the service and the cluster a silo belongs to.</summary>
public sealed class ClusterOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Wayfarer:Cluster";

    /// <summary>The service id: stable across deployments; part of every storage key.</summary>
    /// <value>Default <c>wayfarer</c>.</value>
    public string ServiceId { get; set; } = "wayfarer";

    /// <summary>The cluster id: one deployment of the service; silos join only their own cluster.</summary>
    /// <value>Default <c>dev</c>.</value>
    public string ClusterId { get; set; } = "dev";
}
