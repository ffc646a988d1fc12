using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>A resolved city name.</summary>
/// <param name="Query">What was asked.</param>
/// <param name="Found">Whether it resolved.</param>
/// <param name="City">The city.</param>
/// <param name="Suggestions">Near misses when not found.</param>
[Immutable]
public sealed record CityLookup(string Query, bool Found, ResolvedCity? City, IReadOnlyList<string> Suggestions);
