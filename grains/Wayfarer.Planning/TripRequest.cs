using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;

namespace Wayfarer.Planning;

/// <summary>What a traveller asks the planner for.</summary>
/// <param name="Destinations">City names ("Paris", "Paris, FR") or GeoNames ids, in visiting order (1 to 6).</param>
/// <param name="Origin">Where the trip starts and ends; null for a trip without getting there and back.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day (at most 30 days in all).</param>
/// <param name="Travelers">How many travel (1 to 50); every cost is for all of them.</param>
/// <param name="Budget">Total budget for all travellers, in <paramref name="Currency"/>.</param>
/// <param name="DailyBudget">Budget per day for all travellers, intercity transport excluded.</param>
/// <param name="Currency">ISO 4217 code of the budget and of every cost in the plan.</param>
/// <param name="Interests">Free-form interests matched against place tags and categories.</param>
/// <param name="Pace">How many things a day.</param>
/// <param name="BudgetLevel">Price level of lodging and meals.</param>
/// <param name="DietaryNeeds">Dietary needs, noted on meals.</param>
/// <param name="Mobility">Mobility needs.</param>
/// <param name="PreferredTransport">Preferred ways to travel between cities, most preferred first.</param>
/// <param name="DayStart">When activities may start.</param>
/// <param name="DayEnd">When activities must end.</param>
public sealed record TripRequest(
    IReadOnlyList<string> Destinations,
    string? Origin,
    DateOnly StartDate,
    DateOnly EndDate,
    int Travelers,
    decimal? Budget,
    decimal? DailyBudget,
    string Currency,
    IReadOnlyList<string> Interests,
    TravelPace Pace,
    BudgetLevel BudgetLevel,
    IReadOnlyList<string> DietaryNeeds,
    MobilityLevel Mobility,
    IReadOnlyList<TransportMode> PreferredTransport,
    TimeOnly DayStart,
    TimeOnly DayEnd)
{
    /// <summary>The default start of the day, 09:00.</summary>
    public static TimeOnly DefaultDayStart { get; } = new(9, 0);

    /// <summary>The default end of the day, 21:00.</summary>
    public static TimeOnly DefaultDayEnd { get; } = new(21, 0);

    /// <summary>Days from start to end inclusive.</summary>
    public int Days => EndDate.DayNumber - StartDate.DayNumber + 1;

    /// <summary>A request with defaults: balanced pace, moderate level, USD, no budget, 09:00–21:00.</summary>
    public static TripRequest Create(
        IReadOnlyList<string> destinations,
        DateOnly startDate,
        DateOnly endDate,
        int travelers = 1,
        string? origin = null,
        decimal? budget = null,
        string currency = "USD",
        IReadOnlyList<string>? interests = null,
        TravelPace pace = TravelPace.Balanced,
        BudgetLevel budgetLevel = BudgetLevel.Moderate,
        decimal? dailyBudget = null) =>
        new(destinations, origin, startDate, endDate, travelers, budget, dailyBudget, currency, interests ?? [], pace, budgetLevel, [],
            MobilityLevel.Full, [], DefaultDayStart, DefaultDayEnd);

    /// <summary>The request a plan describes: its destinations, dates, travellers, budget and preferences.</summary>
    /// <exception cref="PlanningException">The plan has no dates (<c>invalid_request</c>).</exception>
    public static TripRequest FromPlan(PlanContent content, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.StartDate is not { } start || content.EndDate is not { } end)
        {
            throw new PlanningException(PlanningErrorCodes.InvalidRequest, "The plan needs a start and an end date before it can be planned.");
        }

        var preferences = content.Preferences ?? TravelPreferences.Default;
        return new TripRequest(
            content.Destinations, origin, start, end, content.TravelerCount, content.Budget?.Total, null, content.Budget?.Currency ?? "USD",
            preferences.Interests, preferences.Pace, preferences.BudgetLevel, preferences.DietaryNeeds, preferences.Mobility,
            preferences.PreferredTransport, DefaultDayStart, DefaultDayEnd);
    }

    /// <summary>The request with what a JSON caller may leave out filled in: empty lists for missing lists, USD for a
    /// missing currency (codes upper-cased), 09:00–21:00 for a missing day window (both times midnight).</summary>
    public TripRequest WithDefaults()
    {
        var noWindow = DayStart == TimeOnly.MinValue && DayEnd == TimeOnly.MinValue;
        return this with
        {
            Destinations = Destinations ?? [],
            Currency = string.IsNullOrWhiteSpace(Currency) ? "USD" : Currency.Trim().ToUpperInvariant(),
            Interests = Interests ?? [],
            DietaryNeeds = DietaryNeeds ?? [],
            PreferredTransport = PreferredTransport ?? [],
            DayStart = noWindow ? DefaultDayStart : DayStart,
            DayEnd = noWindow ? DefaultDayEnd : DayEnd,
        };
    }

    /// <summary>The preferences part, for a <see cref="PlanContent"/>.</summary>
    public TravelPreferences ToPreferences() => new(BudgetLevel, Pace, Interests, DietaryNeeds, Mobility, PreferredTransport);
}
