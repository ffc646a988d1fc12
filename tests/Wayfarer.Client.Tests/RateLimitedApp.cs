namespace Wayfarer.Client.Tests;

/// <summary>An app whose per-user limit is tiny.</summary>
public sealed class RateLimitedApp : WayfarerApp
{
    public const int UserLimit = 3;

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["Wayfarer:RateLimit:UserPermitLimit"] = UserLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
