namespace Wayfarer.Grains.Agents.Models;

/// <summary>The model a run talks to. Holds a secret: never persisted, logged or sent to the client.</summary>
/// <param name="Provider">The provider name recorded in the ledgers.</param>
/// <param name="Source"><c>user_key</c> or <c>platform</c>.</param>
/// <param name="Endpoint">The API base address; null for OpenAI's.</param>
/// <param name="Model">The model name.</param>
/// <param name="ApiKey">The key.</param>
public sealed record ModelChoice(string Provider, string Source, Uri? Endpoint, string Model, string ApiKey)
{
    /// <inheritdoc />
    public override string ToString() => $"{Provider}/{Model} ({Source})";
}
