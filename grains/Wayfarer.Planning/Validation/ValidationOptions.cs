using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Validation;

/// <summary>What a plan is validated against.</summary>
public sealed record ValidationOptions
{
    /// <summary>Budget per day for all travellers, intercity transport excluded; null for none.</summary>
    /// <value>Null.</value>
    public decimal? DailyBudget { get; init; }

    /// <summary>When activities and meals may start.</summary>
    /// <value>09:00.</value>
    public TimeOnly DayStart { get; init; } = TripRequest.DefaultDayStart;

    /// <summary>When activities and meals must end.</summary>
    /// <value>21:00.</value>
    public TimeOnly DayEnd { get; init; } = TripRequest.DefaultDayEnd;

    /// <summary>The catalogue (places, exchange rates); null for <see cref="PlanningData.Default"/>.</summary>
    /// <value>Null.</value>
    public PlanningData? Data { get; init; }

    /// <summary>Mobility for travel-time estimates; null to take it from the plan's preferences.</summary>
    /// <value>Null.</value>
    public MobilityLevel? Mobility { get; init; }

    /// <summary>Whether every night of the trip needs lodging (or an overnight journey).</summary>
    /// <value>True.</value>
    public bool RequireLodging { get; init; } = true;

    /// <summary>The defaults.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>The options matching a request: its daily budget, day window and mobility.</summary>
    public static ValidationOptions For(TripRequest request, PlanningData? data = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ValidationOptions
        {
            DailyBudget = request.DailyBudget,
            DayStart = request.DayStart,
            DayEnd = request.DayEnd,
            Mobility = request.Mobility,
            Data = data,
        };
    }
}
