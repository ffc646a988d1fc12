namespace Wayfarer.Client.Infrastructure;

/// <summary>Fixed-window rate limits kept in Redis (section <c>Wayfarer:RateLimit</c>).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Wayfarer:RateLimit";

    /// <summary>Requests one authenticated user may make per window.</summary>
    /// <value>Default 300.</value>
    public int UserPermitLimit { get; set; } = 300;

    /// <summary>Requests one client IP address may make per window.</summary>
    /// <value>Default 600.</value>
    public int IpPermitLimit { get; set; } = 600;

    /// <summary>The window length.</summary>
    /// <value>Default 1 minute.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
