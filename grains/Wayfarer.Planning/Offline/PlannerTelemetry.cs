using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wayfarer.Planning.Offline;

/// <summary>The planner's meter and activity source, both named <c>Wayfarer.Planning</c>.</summary>
public static class PlannerTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Wayfarer.Planning";

    /// <summary>Traces one span per <see cref="OfflinePlanner.Plan"/> call.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Plans made, tagged <c>outcome</c> = <c>ok</c> or the <see cref="PlanningException.Code"/>.</summary>
    internal static readonly Counter<long> Plans = Meter.CreateCounter<long>("wayfarer.planning.plans", description: "Offline plans attempted, by outcome.");

    /// <summary>How long a plan took, in milliseconds.</summary>
    internal static readonly Histogram<double> PlanDuration = Meter.CreateHistogram<double>("wayfarer.planning.plan.duration", "ms", "Time to make one offline plan.");
}
