namespace Wayfarer.Cluster.ProcessTests.Support;

/// <summary>What every silo of one test cluster shares.</summary>
/// <param name="PostgresConnectionString">Grain state, reminders, memory.</param>
/// <param name="RedisConnectionString">Membership and grain directory.</param>
/// <param name="ServiceId">Unique per test, so tests never see each other's rows or keys.</param>
/// <param name="LogDirectory">Where each silo's log goes.</param>
public sealed record SiloSettings(string PostgresConnectionString, string RedisConnectionString, string ServiceId, string LogDirectory)
{
    /// <summary>The cluster id.</summary>
    public string ClusterId { get; init; } = "process-tests";

    /// <summary>More environment variables for the silo.</summary>
    public IReadOnlyDictionary<string, string> ExtraEnvironment { get; init; } = new Dictionary<string, string>();
}
