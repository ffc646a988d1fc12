namespace Wayfarer.Client.Tests;

/// <summary>An app whose per-IP limit is tiny (test clients all share one address).</summary>
public sealed class IpRateLimitedApp : WayfarerApp
{
    public const int IpLimit = 4;

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Wayfarer:RateLimit:IpPermitLimit"] = IpLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
