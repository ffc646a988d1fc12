namespace Wayfarer.Runtime.Client;

/// <summary>Cluster client settings.</summary>
public sealed class ClusterClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Wayfarer:Client";

    /// <summary>How often the client re-reads the membership table for gateways.</summary>
    /// <value>Default 2 seconds.</value>
    public TimeSpan GatewayRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a call waits for its response.</summary>
    /// <value>Default 30 seconds (a method's <see cref="ResponseTimeoutAttribute"/> overrides it).</value>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long start-up waits for the first gateway.</summary>
    /// <value>Default 60 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Checks the values and names the first bad option.</summary>
    /// <returns>Null when valid, else the message.</returns>
    public string? Validate()
        => GatewayRefreshInterval <= TimeSpan.Zero ? $"{SectionName}:{nameof(GatewayRefreshInterval)} must be positive."
        : ResponseTimeout <= TimeSpan.Zero ? $"{SectionName}:{nameof(ResponseTimeout)} must be positive."
        : ConnectTimeout <= TimeSpan.Zero ? $"{SectionName}:{nameof(ConnectTimeout)} must be positive."
        : null;
}
