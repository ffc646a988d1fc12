using System.Text.Json.Serialization;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Redis;

/// <summary>The value of a silo's field in the membership hash. The Lua update script reads <c>etag</c> by name.</summary>
/// <param name="ETag">The row's ETag.</param>
/// <param name="Entry">The row as last inserted or updated (heartbeats are kept beside it).</param>
internal sealed record StoredMembershipRow(
    [property: JsonPropertyName("etag")] string ETag,
    [property: JsonPropertyName("entry")] MembershipEntry Entry);
