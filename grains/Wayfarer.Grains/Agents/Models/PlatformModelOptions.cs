namespace Wayfarer.Grains.Agents.Models;

/// <summary>The platform's model (section <c>Wayfarer:Models:Platform</c>).</summary>
public sealed class PlatformModelOptions
{
    /// <summary>The API base address of an OpenAI-compatible server; null for OpenAI's.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The key; no platform model when empty.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model name; no platform model when empty.</summary>
    public string? Model { get; set; }

    /// <summary>The provider name recorded in the ledgers.</summary>
    public string Provider { get; set; } = "openai-compatible";

    /// <summary>Whether a platform model is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey) && !string.IsNullOrWhiteSpace(Model);

    internal string? Validate() =>
        Endpoint is { } e && !(e.IsAbsoluteUri && (e.Scheme == Uri.UriSchemeHttp || e.Scheme == Uri.UriSchemeHttps))
            ? "Wayfarer:Models:Platform:Endpoint must be an absolute http(s) address."
            : !string.IsNullOrWhiteSpace(ApiKey) && string.IsNullOrWhiteSpace(Model)
                ? "Wayfarer:Models:Platform:Model must be set when Wayfarer:Models:Platform:ApiKey is."
                : null;
}
