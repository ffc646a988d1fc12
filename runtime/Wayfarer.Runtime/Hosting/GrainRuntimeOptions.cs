namespace Wayfarer.Runtime.Hosting;

/// <summary>Timeouts, scheduling and activation collection settings of the grain runtime.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Wayfarer:Runtime";

    /// <summary>How long a caller waits for a response before <see cref="GrainCallTimeoutException"/>.</summary>
    /// <value>Default 30 seconds. A method's <see cref="ResponseTimeoutAttribute"/> or the caller's token overrides it.</value>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an activation may stay idle before it is collected.</summary>
    /// <value>Default 15 minutes. <see cref="CollectionAgeLimitAttribute"/> overrides it per grain class.</value>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations.</summary>
    /// <value>Default 1 minute.</value>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The token passed to <see cref="Grain.OnActivateAsync"/> is cancelled after this long.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The token passed to <see cref="Grain.OnDeactivateAsync"/> is cancelled after this long.</summary>
    /// <value>Default 30 seconds.</value>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a call chain may re-enter any grain already waiting on it (A→B→A) instead of failing with
    /// <see cref="DeadlockException"/>. <see cref="RequestContext.AllowCallChainReentrancy"/> enables it per scope.</summary>
    /// <value>Default false.</value>
    public bool AllowCallChainReentrancy { get; set; }

    /// <summary>How long shutdown waits for activations to deactivate.</summary>
    /// <value>Default 60 seconds.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Checks the values and names the first bad option.</summary>
    /// <returns>Null when valid, else the message.</returns>
    public string? Validate()
    {
        static bool Positive(TimeSpan value) => value > TimeSpan.Zero || value == Timeout.InfiniteTimeSpan;
        return !Positive(ResponseTimeout) ? $"{SectionName}:{nameof(ResponseTimeout)} must be positive."
            : !Positive(CollectionAge) ? $"{SectionName}:{nameof(CollectionAge)} must be positive."
            : CollectionQuantum <= TimeSpan.Zero ? $"{SectionName}:{nameof(CollectionQuantum)} must be positive."
            : !Positive(ActivationTimeout) ? $"{SectionName}:{nameof(ActivationTimeout)} must be positive."
            : !Positive(DeactivationTimeout) ? $"{SectionName}:{nameof(DeactivationTimeout)} must be positive."
            : ShutdownTimeout <= TimeSpan.Zero ? $"{SectionName}:{nameof(ShutdownTimeout)} must be positive."
            : null;
    }
}
