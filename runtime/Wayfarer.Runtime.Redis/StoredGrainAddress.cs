using System.Text.Json.Serialization;

namespace Wayfarer.Runtime.Redis;

/// <summary>The value of a grain's directory key (the grain is the key). The Lua scripts read <c>silo</c> and
/// <c>activationId</c> by name.</summary>
/// <param name="Silo">The silo's string form, <c>host:port@generation</c>.</param>
/// <param name="ActivationId">The activation id's 32-digit form.</param>
internal sealed record StoredGrainAddress(
    [property: JsonPropertyName("silo")] string Silo,
    [property: JsonPropertyName("activationId")] string ActivationId);
