using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>Places found in a city.</summary>
/// <param name="City">The city, when known.</param>
/// <param name="Places">The places, best first.</param>
/// <param name="Message">Why there are none, if so.</param>
[Immutable]
public sealed record PlaceSearchResult(string? City, IReadOnlyList<PlaceCandidate> Places, string? Message);
