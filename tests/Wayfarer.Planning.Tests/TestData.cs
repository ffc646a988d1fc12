using Wayfarer.Planning.Catalog;
using Wayfarer.Planning.Offline;

namespace Wayfarer.Planning.Tests;

/// <summary>The embedded catalogue and a planner over it, shared by the tests (both immutable).</summary>
internal static class TestData
{
    public static PlanningData Data => PlanningData.Default;

    public static OfflinePlanner Planner { get; } = new(PlanningData.Default);

    public static DateOnly Monday { get; } = new(2027, 5, 10);

    public static string Describe(TripRequest request) =>
        $"destinations=[{string.Join(", ", request.Destinations)}] origin={request.Origin ?? "-"} {request.StartDate:yyyy-MM-dd}..{request.EndDate:yyyy-MM-dd} "
        + $"travellers={request.Travelers} budget={request.Budget?.ToString("0.##") ?? "-"} daily={request.DailyBudget?.ToString("0.##") ?? "-"} {request.Currency} "
        + $"pace={request.Pace} level={request.BudgetLevel} interests=[{string.Join(", ", request.Interests)}] mobility={request.Mobility} transport=[{string.Join(", ", request.PreferredTransport)}] window={request.DayStart:HH:mm}-{request.DayEnd:HH:mm}";
}
