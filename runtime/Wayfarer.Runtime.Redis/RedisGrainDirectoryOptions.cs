namespace Wayfarer.Runtime.Redis;

/// <summary>Options of <see cref="RedisGrainDirectory"/>, bound from <see cref="SectionName"/>.</summary>
public sealed class RedisGrainDirectoryOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Wayfarer:GrainDirectory:Redis";

    /// <summary>The StackExchange.Redis configuration string, such as <c>redis-host:6379,password=…</c>.</summary>
    /// <value>Required; no default. <c>abortConnect</c> is always forced to false, so a silo starts while Redis is
    /// briefly down and connects when it comes back.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The first segment of every key: <c>{KeyPrefix}:{serviceId}:dir:{grainId}</c> and
    /// <c>{KeyPrefix}:{serviceId}:dir-silo:{silo}</c>.</summary>
    /// <value>Default <c>wayfarer</c>.</value>
    public string KeyPrefix { get; set; } = "wayfarer";

    /// <summary>How long an entry lives after its registration; an activation that outlives it loses its entry and
    /// the next lookup of the grain misses.</summary>
    /// <value>Default null: entries never expire and are removed only by unregistration.</value>
    public TimeSpan? EntryExpiry { get; set; }

    /// <summary>How long one Redis command may take before it fails with a transient
    /// <see cref="RedisStoreException"/>; the command may still have run.</summary>
    /// <value>Default 5 seconds; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</value>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
