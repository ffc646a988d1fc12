namespace Wayfarer.Client.ApiKeys;

/// <summary>The body of <c>PUT /api/users/me/api-keys/{service}</c>.</summary>
public sealed record ApiKeyRequest(string? Key);
