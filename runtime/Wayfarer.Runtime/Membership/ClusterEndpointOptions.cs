namespace Wayfarer.Runtime.Membership;

/// <summary>Where a silo listens for silos and clients, and the address it advertises to them.</summary>
public sealed class ClusterEndpointOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Wayfarer:Endpoint";

    /// <summary>The address to listen on.</summary>
    /// <value>Default <c>127.0.0.1</c>; use <c>0.0.0.0</c> to listen on every interface.</value>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The cluster port (silo-to-silo and gateway traffic).</summary>
    /// <value>Default 11111; 0 picks a free port.</value>
    public int Port { get; set; } = 11111;

    /// <summary>The host other silos and clients connect to.</summary>
    /// <value>Default: the listen address, or the machine's host name when listening on every interface.</value>
    public string? AdvertisedHost { get; set; }

    /// <summary>Checks the values and names the first bad option.</summary>
    /// <returns>Null when valid, else the message.</returns>
    public string? Validate()
        => Port is < 0 or > 65535 ? $"{SectionName}:{nameof(Port)} must be 0..65535."
        : !System.Net.IPAddress.TryParse(ListenAddress, out _) ? $"{SectionName}:{nameof(ListenAddress)} must be an IP address."
        : null;
}
