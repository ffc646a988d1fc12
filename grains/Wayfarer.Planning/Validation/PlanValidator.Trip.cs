using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Planning.Offline;

namespace Wayfarer.Planning.Validation;

/// <summary>The checks that span days: overnight legs, budgets and lodging.</summary>
public static partial class PlanValidator
{
    private static void CheckOvernight(Context c)
    {
        var days = c.Content.Itinerary.Days;
        foreach (var (day, leg) in Overnights(c.Content))
        {
            var arrival = DateOnly.FromDateTime(leg.Flight!.ArrivalTime!.Value.DateTime);
            var clock = Minutes(TimeOnly.FromDateTime(leg.Flight.ArrivalTime.Value.DateTime));
            for (var d = 0; d < days.Count; d++)
            {
                if (days[d].Date <= days[day].Date || days[d].Date > arrival)
                {
                    continue;
                }

                for (var i = 0; i < days[d].Items.Count; i++)
                {
                    if (days[d].Items[i].Start is { } s && (days[d].Date < arrival || Minutes(s) < clock))
                    {
                        c.Error(ValidationCodes.Overlap, d, i, $"{days[d].Items[i].Title} is planned before {leg.Title} lands ({leg.Flight.ArrivalTime:yyyy-MM-dd HH:mm}).");
                    }
                }
            }
        }
    }

    private static IEnumerable<(int Day, ItineraryItem Leg)> Overnights(PlanContent content)
    {
        var days = content.Itinerary.Days;
        for (var d = 0; d < days.Count; d++)
        {
            foreach (var item in days[d].Items)
            {
                if (item.Flight is { ArrivalTime: { } arr } && DateOnly.FromDateTime(arr.DateTime) > days[d].Date)
                {
                    yield return (d, item);
                }
            }
        }
    }

    private static void CheckBudgets(Context c)
    {
        decimal total = 0;
        var days = c.Content.Itinerary.Days;
        for (var d = 0; d < days.Count; d++)
        {
            decimal local = 0;
            foreach (var item in days[d].Items)
            {
                var amount = c.Amount(item);
                total += amount;
                local += BudgetMath.IsIntercity(item) ? 0 : amount;
            }

            if (c.Options.DailyBudget is { } daily && local > daily)
            {
                c.Error(ValidationCodes.DailyBudgetExceeded, d, null, $"{days[d].Date:yyyy-MM-dd} costs {local:0.##} {c.Currency} (intercity transport excluded), over the daily budget of {daily:0.##}.");
            }
        }

        if (c.Content.Budget is { } budget && total > c.ConvertBudget(budget))
        {
            c.Error(ValidationCodes.BudgetExceeded, null, null, $"The plan costs {total:0.##} {c.Currency}, over the budget of {budget.Total:0.##} {budget.Currency}.");
        }
    }

    private static void CheckLodging(Context c)
    {
        var content = c.Content;
        var days = content.Itinerary.Days;
        if (!c.Options.RequireLodging || days.Count == 0 || content.StartDate is not { } start || content.EndDate is not { } end || end < start || end.DayNumber - start.DayNumber > 366)
        {
            return;
        }

        var covered = new HashSet<DateOnly>();
        foreach (var day in days)
        {
            foreach (var item in day.Items)
            {
                if (item.Category == ItemCategory.Lodging)
                {
                    covered.Add(day.Date);
                }
                else if (item.Flight is { ArrivalTime: { } arr } && DateOnly.FromDateTime(arr.DateTime) > day.Date)
                {
                    for (var n = day.Date; n < DateOnly.FromDateTime(arr.DateTime); n = n.AddDays(1))
                    {
                        covered.Add(n);
                    }
                }
                else if (IsLeg(item) && item.Start is not null && item.End is null && item.Flight?.ArrivalTime is null)
                {
                    covered.Add(day.Date);
                }
            }
        }

        for (var night = start; night < end; night = night.AddDays(1))
        {
            if (!covered.Contains(night))
            {
                var index = days.ToList().FindIndex(x => x.Date == night);
                c.Error(ValidationCodes.LodgingMissing, index < 0 ? null : index, null, $"No lodging for the night of {night:yyyy-MM-dd}.");
            }
        }
    }
}
