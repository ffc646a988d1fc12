namespace Wayfarer.Planning.Offline;

/// <summary>Tuning of <see cref="OfflinePlanner"/>.</summary>
public sealed class PlannerOptions
{
    /// <summary>Whether days in a city start with breakfast.</summary>
    /// <value>True.</value>
    public bool IncludeBreakfast { get; set; } = true;

    /// <summary>The longest single visit; longer typical visits are shortened to this.</summary>
    /// <value>240 minutes.</value>
    public int MaxVisitMinutes { get; set; } = 240;

    /// <summary>Length of lunch (between 12:00 and 14:00).</summary>
    /// <value>60 minutes.</value>
    public int LunchMinutes { get; set; } = 60;

    /// <summary>Length of dinner (between 18:30 and 20:30).</summary>
    /// <value>75 minutes.</value>
    public int DinnerMinutes { get; set; } = 75;

    /// <summary>Time between reaching a city centre and the first sight, or between the last sight and leaving.</summary>
    /// <value>30 minutes.</value>
    public int LegBufferMinutes { get; set; } = 30;

    /// <summary>Cities of the same country within this distance lend their cost profile to an uncurated city.</summary>
    /// <value>Unlimited (any city of the same country).</value>
    public double CostProfileRadiusKm { get; set; } = double.MaxValue;

    /// <summary>The default options.</summary>
    public static PlannerOptions Default { get; } = new();

    /// <summary>Throws when an option is out of range, naming the option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxVisitMinutes, 30, nameof(MaxVisitMinutes));
        ArgumentOutOfRangeException.ThrowIfLessThan(LunchMinutes, 15, nameof(LunchMinutes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LunchMinutes, 120, nameof(LunchMinutes));
        ArgumentOutOfRangeException.ThrowIfLessThan(DinnerMinutes, 15, nameof(DinnerMinutes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DinnerMinutes, 120, nameof(DinnerMinutes));
        ArgumentOutOfRangeException.ThrowIfNegative(LegBufferMinutes, nameof(LegBufferMinutes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CostProfileRadiusKm, nameof(CostProfileRadiusKm));
    }
}
