using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Agents.Watch;

/// <summary>Registered with the agents, so plans only call the watch where it exists.</summary>
public sealed class PlanWatchMarker;
