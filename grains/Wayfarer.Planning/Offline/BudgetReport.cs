namespace Wayfarer.Planning.Offline;

/// <summary>What an itinerary costs, for all travellers, in the request currency.</summary>
/// <param name="Currency">ISO code.</param>
/// <param name="Lodging">Lodging.</param>
/// <param name="Food">Meals.</param>
/// <param name="Activities">Tickets.</param>
/// <param name="LocalTransport">Getting around cities.</param>
/// <param name="IntercityTransport">Flights and journeys between cities.</param>
/// <param name="Other">Anything else.</param>
/// <param name="Total">Everything.</param>
/// <param name="Budget">The total budget, when set.</param>
/// <param name="Remaining">Budget minus total, when a budget is set (negative when over).</param>
/// <param name="WithinBudget">True unless the total or a day exceeds its budget.</param>
/// <param name="DailyBudget">The daily budget, when set.</param>
/// <param name="Days">Per day.</param>
public sealed record BudgetReport(
    string Currency,
    decimal Lodging,
    decimal Food,
    decimal Activities,
    decimal LocalTransport,
    decimal IntercityTransport,
    decimal Other,
    decimal Total,
    decimal? Budget,
    decimal? Remaining,
    bool WithinBudget,
    decimal? DailyBudget,
    IReadOnlyList<DayBudget> Days);
