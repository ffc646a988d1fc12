using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>A message (or a generate request) for a session's orchestrator.</summary>
/// <param name="UserId">The caller; must own the session.</param>
/// <param name="Message">The traveller's text (a fixed text for generate requests).</param>
/// <param name="Kind">Chat or generate.</param>
/// <param name="Policy">What to do when a run is already going.</param>
/// <param name="Mode">Which planner answers.</param>
/// <param name="Overrides">Fields that override the plan's own.</param>
[Immutable]
public sealed record RunRequest(string UserId, string Message, RunKind Kind, DoubleTextPolicy Policy, RunMode Mode, TripOverrides? Overrides = null);
