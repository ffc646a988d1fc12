namespace Wayfarer.Client.ApiKeys;

/// <summary>A stored API key as listed: masked, never the key itself.</summary>
/// <param name="Service">The provider the key is for.</param>
/// <param name="Masked">The last four characters behind a mask.</param>
/// <param name="CreatedAt">When first stored.</param>
/// <param name="UpdatedAt">When last replaced.</param>
public sealed record ApiKeyInfo(string Service, string Masked, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
