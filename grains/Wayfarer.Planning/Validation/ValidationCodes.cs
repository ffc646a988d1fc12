namespace Wayfarer.Planning.Validation;

/// <summary>The codes of <see cref="ValidationIssue"/>.</summary>
public static class ValidationCodes
{
    /// <summary>Travellers outside 1..50.</summary>
    public const string TravelerCount = "traveler_count";

    /// <summary>The plan has days but no start or end date.</summary>
    public const string DatesMissing = "dates_missing";

    /// <summary>The end date is before the start date.</summary>
    public const string DateOrder = "date_order";

    /// <summary>A day outside the plan's dates.</summary>
    public const string DayOutOfRange = "day_out_of_range";

    /// <summary>Days not in ascending order.</summary>
    public const string DayOrder = "day_order";

    /// <summary>Two days with one date.</summary>
    public const string DayDuplicate = "day_duplicate";

    /// <summary>A date of the trip without a day.</summary>
    public const string DayMissing = "day_missing";

    /// <summary>An item ends before it starts.</summary>
    public const string TimeOrder = "time_order";

    /// <summary>An activity or meal outside the daily window.</summary>
    public const string OutsideWindow = "outside_window";

    /// <summary>Two items overlap.</summary>
    public const string Overlap = "overlap";

    /// <summary>Items are not listed in time order.</summary>
    public const string ItemOrder = "item_order";

    /// <summary>A catalogue place is closed at the planned time.</summary>
    public const string Closed = "closed";

    /// <summary>Not enough time to get from one item to the next.</summary>
    public const string TravelTime = "travel_time";

    /// <summary>Over the total budget.</summary>
    public const string BudgetExceeded = "budget_exceeded";

    /// <summary>A day over the daily budget.</summary>
    public const string DailyBudgetExceeded = "daily_budget_exceeded";

    /// <summary>A ticket priced for fewer travellers than travel.</summary>
    public const string TicketTravelers = "ticket_travelers";

    /// <summary>A catalogue place without a cost.</summary>
    public const string MissingCost = "missing_cost";

    /// <summary>A night without lodging.</summary>
    public const string LodgingMissing = "lodging_missing";

    /// <summary>A cost in another currency than the budget.</summary>
    public const string CurrencyMismatch = "currency_mismatch";

    /// <summary>A currency without an exchange rate.</summary>
    public const string UnknownCurrency = "unknown_currency";

    /// <summary>A negative cost.</summary>
    public const string NegativeCost = "negative_cost";

    /// <summary>A flight arriving before it departs.</summary>
    public const string FlightTimes = "flight_times";

    /// <summary>A place id that is not in the catalogue.</summary>
    public const string UnknownPlace = "unknown_place";
}
