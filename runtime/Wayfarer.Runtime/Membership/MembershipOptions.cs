namespace Wayfarer.Runtime.Membership;

/// <summary>Failure detection and membership table settings. The defaults declare a killed silo dead in about 3–5
/// seconds (Orleans' defaults take tens of seconds).</summary>
public sealed class MembershipOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Wayfarer:Membership";

    /// <summary>How often a silo writes its heartbeat to the table.</summary>
    /// <value>Default 5 seconds.</value>
    public TimeSpan IAmAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a silo re-reads the table.</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan TableRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a silo probes its peers.</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a probe may take before it counts as missed.</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive missed probes after which a silo votes its peer dead.</summary>
    /// <value>Default 2.</value>
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>How many peers each silo probes.</summary>
    /// <value>Default 3.</value>
    public int NumProbedSilos { get; set; } = 3;

    /// <summary>Votes needed to declare a silo dead (capped at half the other active silos, at least one).</summary>
    /// <value>Default 2.</value>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>Votes older than this are ignored.</summary>
    /// <value>Default 60 seconds.</value>
    public TimeSpan DeathVoteExpiration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A silo whose heartbeat is older than this is voted dead even if it still answers probes.</summary>
    /// <value>Default 60 seconds.</value>
    public TimeSpan MaxHeartbeatAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Rows of dead or stopped silos older than this are removed from the table.</summary>
    /// <value>Default 1 hour.</value>
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Checks the values and names the first bad option.</summary>
    /// <returns>Null when valid, else the message.</returns>
    public string? Validate()
        => IAmAliveInterval <= TimeSpan.Zero ? $"{SectionName}:{nameof(IAmAliveInterval)} must be positive."
        : TableRefreshInterval <= TimeSpan.Zero ? $"{SectionName}:{nameof(TableRefreshInterval)} must be positive."
        : ProbeInterval <= TimeSpan.Zero ? $"{SectionName}:{nameof(ProbeInterval)} must be positive."
        : ProbeTimeout <= TimeSpan.Zero ? $"{SectionName}:{nameof(ProbeTimeout)} must be positive."
        : MissedProbesLimit < 1 ? $"{SectionName}:{nameof(MissedProbesLimit)} must be at least 1."
        : NumProbedSilos < 1 ? $"{SectionName}:{nameof(NumProbedSilos)} must be at least 1."
        : NumVotesForDeathDeclaration < 1 ? $"{SectionName}:{nameof(NumVotesForDeathDeclaration)} must be at least 1."
        : MaxHeartbeatAge <= IAmAliveInterval ? $"{SectionName}:{nameof(MaxHeartbeatAge)} must exceed {nameof(IAmAliveInterval)}."
        : null;
}
