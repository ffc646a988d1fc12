using Wayfarer.Planning;

namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>What the offline interpreter understood from a message.</summary>
/// <param name="Trip">The trip to plan, or null when something essential is missing.</param>
/// <param name="Replan">Whether to (re)plan the itinerary.</param>
/// <param name="Understood">Short phrases of what was taken from the message, for the reply.</param>
/// <param name="Missing">What the traveller still has to say, when <paramref name="Trip"/> is null.</param>
/// <param name="Assumptions">Defaults that were assumed.</param>
public sealed record Interpretation(TripRequest? Trip, bool Replan, IReadOnlyList<string> Understood, IReadOnlyList<string> Missing, IReadOnlyList<string> Assumptions);
