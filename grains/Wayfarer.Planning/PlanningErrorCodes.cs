namespace Wayfarer.Planning;

/// <summary>The codes of <see cref="PlanningException"/>.</summary>
public static class PlanningErrorCodes
{
    /// <summary>A field is missing or out of range.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>A city name or id is not in the catalogue.</summary>
    public const string UnknownCity = "unknown_city";

    /// <summary>A currency has no exchange rate.</summary>
    public const string UnsupportedCurrency = "unsupported_currency";

    /// <summary>No plan fits the budget; the message states the minimum.</summary>
    public const string BudgetTooLow = "budget_too_low";

    /// <summary>More than 30 days.</summary>
    public const string TripTooLong = "trip_too_long";

    /// <summary>Too few days for the destinations and the travel between them.</summary>
    public const string TripTooShort = "trip_too_short";

    /// <summary>More than 6 destinations.</summary>
    public const string TooManyDestinations = "too_many_destinations";
}
