using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Offline;

/// <summary>How items count towards a budget; shared by the planner and the validator.</summary>
public static class BudgetMath
{
    /// <summary>The budget category of an item: lodging, food, activities, local transport, intercity transport or other.</summary>
    public static string CategoryOf(ItineraryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Category switch
        {
            ItemCategory.Lodging => "lodging",
            ItemCategory.Dining => "food",
            ItemCategory.Activity => "activities",
            ItemCategory.Flight => "intercity",
            ItemCategory.Transport => item.Start is null && item.End is null ? "local" : "intercity",
            _ => "other",
        };
    }

    /// <summary>True for flights and timed transport, which a daily budget does not limit.</summary>
    public static bool IsIntercity(ItineraryItem item) => CategoryOf(item) == "intercity";

    /// <summary>An item's cost in <paramref name="currency"/>; 0 without a cost. Converts through USD when the item's
    /// currency differs and <paramref name="fx"/> knows both.</summary>
    /// <exception cref="PlanningException">The currencies differ and one is unknown.</exception>
    public static decimal AmountIn(ItineraryItem item, string currency, FxRates? fx)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Cost is not { } cost)
        {
            return 0;
        }

        if (string.Equals(cost.Currency, currency, StringComparison.OrdinalIgnoreCase))
        {
            return cost.Amount;
        }

        if (fx is null)
        {
            throw new PlanningException(PlanningErrorCodes.UnsupportedCurrency, $"Cannot convert {cost.Currency} to {currency} without exchange rates.");
        }

        return Math.Round(fx.Convert(cost.Amount, cost.Currency, currency), 2);
    }
}
