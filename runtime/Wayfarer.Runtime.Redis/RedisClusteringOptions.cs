namespace Wayfarer.Runtime.Redis;

/// <summary>Options of <see cref="RedisMembershipTable"/>, bound from <see cref="SectionName"/>.</summary>
public sealed class RedisClusteringOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Wayfarer:Clustering:Redis";

    /// <summary>The StackExchange.Redis configuration string, such as <c>redis-host:6379,password=…</c>.</summary>
    /// <value>Required; no default. <c>abortConnect</c> is always forced to false, so a silo starts while Redis is
    /// briefly down and connects when it comes back.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The first segment of the table's key <c>{KeyPrefix}:{serviceId}:{clusterId}:members</c>.</summary>
    /// <value>Default <c>wayfarer</c>.</value>
    public string KeyPrefix { get; set; } = "wayfarer";

    /// <summary>How long the whole table lives after its last write or heartbeat; every insert, update and
    /// heartbeat renews it, so only a cluster with no live silo expires.</summary>
    /// <value>Default null: the table never expires.</value>
    public TimeSpan? EntryExpiry { get; set; }

    /// <summary>How long one Redis command may take before it fails with a transient
    /// <see cref="RedisStoreException"/>; the command may still have run.</summary>
    /// <value>Default 5 seconds; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</value>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
