using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Planning.Catalog;
using Wayfarer.Planning.Offline;

namespace Wayfarer.Planning.Validation;

/// <summary>Repairs what the validator finds where a safe fix exists: orders and completes days, fills and fixes
/// costs from the catalogue, shifts items into opening hours, after travel time and out of overlaps, drops what
/// cannot fit (saying why), and drops the priciest sights to meet the budgets.</summary>
/// <remarks>Flights, transport and lodging are never moved or dropped. Pure and thread-safe.</remarks>
public static class PlanRepairer
{
    /// <summary>Repairs a plan and validates the result.</summary>
    public static RepairResult Repair(PlanContent content, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        content = PlanNormalizer.Normalize(content);
        options ??= ValidationOptions.Default;
        var data = options.Data ?? PlanningData.Default;
        var changes = new List<string>();
        var currency = (content.Budget?.Currency
            ?? content.Itinerary.Days.SelectMany(d => d.Items).Select(i => i.Cost?.Currency).FirstOrDefault(c => c is not null)
            ?? "USD").ToUpperInvariant();
        var days = RepairDays(content, changes);
        var travelers = Math.Clamp(content.TravelerCount, 1, 50);
        var mobility = options.Mobility ?? content.Preferences?.Mobility ?? MobilityLevel.Full;
        for (var d = 0; d < days.Count; d++)
        {
            days[d] = days[d] with { Items = RepairCosts(days[d], data, currency, travelers, changes) };
        }

        var blockedUntil = Overnight(days);
        for (var d = 0; d < days.Count; d++)
        {
            days[d] = days[d] with { Items = Reschedule(days[d], options, data, mobility, blockedUntil.GetValueOrDefault(days[d].Date), changes) };
        }

        var repaired = content with { Itinerary = new Itinerary(days) };
        repaired = FitBudget(repaired, options, data, currency, changes);
        return new RepairResult(repaired, changes, PlanValidator.Validate(repaired, options));
    }

    private static List<ItineraryDay> RepairDays(PlanContent content, List<string> changes)
    {
        var byDate = new SortedDictionary<DateOnly, List<ItineraryItem>>();
        foreach (var day in content.Itinerary.Days)
        {
            if ((content.StartDate is { } s && day.Date < s) || (content.EndDate is { } e && day.Date > e))
            {
                changes.Add($"Dropped day {day.Date:yyyy-MM-dd}: outside the trip's dates ({day.Items.Count} item(s)).");
                continue;
            }

            if (byDate.TryGetValue(day.Date, out var items))
            {
                items.AddRange(day.Items);
                changes.Add($"Merged the two days of {day.Date:yyyy-MM-dd}.");
            }
            else
            {
                byDate[day.Date] = [.. day.Items];
            }
        }

        if (content.Itinerary.Days.Select(d => d.Date).Where(byDate.ContainsKey).Distinct().SequenceEqual(byDate.Keys) is false)
        {
            changes.Add("Put the days in date order.");
        }

        if (byDate.Count > 0 && content.StartDate is { } start && content.EndDate is { } end && end >= start && end.DayNumber - start.DayNumber <= 366)
        {
            for (var date = start; date <= end; date = date.AddDays(1))
            {
                if (byDate.TryAdd(date, []))
                {
                    changes.Add($"Added an empty day for {date:yyyy-MM-dd}.");
                }
            }
        }

        return byDate.Select(kv => new ItineraryDay(kv.Key, kv.Value)).ToList();
    }

    private static List<ItineraryItem> RepairCosts(ItineraryDay day, PlanningData data, string currency, int travelers, List<string> changes)
    {
        var items = day.Items.ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Cost is { } cost && !string.Equals(cost.Currency, currency, StringComparison.OrdinalIgnoreCase)
                && data.Fx.Supports(cost.Currency) && data.Fx.Supports(currency))
            {
                item = item with { Cost = new Money(data.Fx.RoundPrice(data.Fx.Convert(cost.Amount, cost.Currency, currency), currency), currency) };
                changes.Add($"{day.Date:yyyy-MM-dd}: converted the cost of {item.Title} from {cost.Currency} to {currency}.");
            }

            if (item.Cost is { Amount: < 0 } negative)
            {
                item = item with { Cost = negative with { Amount = 0 } };
                changes.Add($"{day.Date:yyyy-MM-dd}: the negative cost of {item.Title} set to 0.");
            }

            if (data.Places.Place(item.PlaceId) is { } place && data.Fx.Supports(currency))
            {
                var expected = data.Fx.RoundPrice(data.Fx.FromUsd(place.TicketUsd * travelers, currency), currency);
                if (item.Cost is null)
                {
                    item = item with { Cost = new Money(place.TicketUsd == 0 ? 0 : expected, currency) };
                    changes.Add($"{day.Date:yyyy-MM-dd}: filled the cost of {item.Title} from the catalogue ({item.Cost.Amount:0.##} {currency}).");
                }
                else if (place.TicketUsd > 0 && item.Cost.Amount < (data.Fx.FromUsd(place.TicketUsd * travelers, currency) * 0.9m) - 1)
                {
                    item = item with { Cost = new Money(expected, currency) };
                    changes.Add($"{day.Date:yyyy-MM-dd}: priced {item.Title} for {travelers} traveller(s) ({expected:0.##} {currency}).");
                }

                if (item.Location is null)
                {
                    item = item with { Location = new GeoPoint(place.Lat, place.Lon) };
                }
            }

            items[i] = item;
        }

        return items;
    }

    private static Dictionary<DateOnly, int> Overnight(List<ItineraryDay> days)
    {
        var blocked = new Dictionary<DateOnly, int>();
        foreach (var day in days)
        {
            foreach (var item in day.Items)
            {
                if (item.Flight is { ArrivalTime: { } arr } && DateOnly.FromDateTime(arr.DateTime) > day.Date)
                {
                    var arrival = DateOnly.FromDateTime(arr.DateTime);
                    for (var n = day.Date.AddDays(1); n < arrival; n = n.AddDays(1))
                    {
                        blocked[n] = 24 * 60;
                    }

                    blocked[arrival] = Math.Max(blocked.GetValueOrDefault(arrival), (arr.Hour * 60) + arr.Minute);
                }
            }
        }

        return blocked;
    }

    private static List<ItineraryItem> Reschedule(ItineraryDay day, ValidationOptions options, PlanningData data, MobilityLevel mobility, int blockedUntil, List<string> changes)
    {
        var windowStart = PlanValidator.Minutes(options.DayStart);
        var windowEnd = PlanValidator.Minutes(options.DayEnd);
        var dow = day.Date.DayOfWeek;
        var timed = day.Items.Where(i => i.Start is not null).OrderBy(i => i.Start).ToList();
        var untimed = day.Items.Where(i => i.Start is null).ToList();
        var result = new List<ItineraryItem>();
        var cursor = blockedUntil;
        GeoPoint? at = null;
        for (var k = 0; k < timed.Count; k++)
        {
            var item = timed[k];
            var fixedItem = IsFixed(item);
            if (fixedItem)
            {
                var start = PlanValidator.Minutes(item.Start!.Value);
                while (result.Count > 0 && !IsFixed(result[^1]) && PlanValidator.Minutes(result[^1].End!.Value) > start)
                {
                    changes.Add($"{day.Date:yyyy-MM-dd}: dropped {result[^1].Title}: it overlapped {item.Title}.");
                    result.RemoveAt(result.Count - 1);
                }

                result.Add(item);
                cursor = item.End is { } e && e > item.Start ? PlanValidator.Minutes(e) : PlanValidator.IsLeg(item) ? 24 * 60 : start;
                at = item.Location;
                continue;
            }

            var duration = item.End is { } end && end > item.Start ? PlanValidator.Minutes(end) - PlanValidator.Minutes(item.Start!.Value) : 60;
            var location = item.Location ?? (data.Places.Place(item.PlaceId) is { } p ? new GeoPoint(p.Lat, p.Lon) : null);
            var travel = at is not null && location is not null ? TravelEstimator.Estimate(at.Lat, at.Lon, location.Lat, location.Lon, mobility).Minutes : 0;
            var earliest = Math.Max(Math.Max(PlanValidator.Minutes(item.Start!.Value), cursor + travel), windowStart);
            var nextFixed = timed.Skip(k + 1).FirstOrDefault(IsFixed);
            var latestEnd = windowEnd;
            if (nextFixed is not null)
            {
                var travelOut = location is not null && nextFixed.Location is not null
                    ? TravelEstimator.Estimate(location.Lat, location.Lon, nextFixed.Location.Lat, nextFixed.Location.Lon, mobility).Minutes
                    : 0;
                latestEnd = Math.Min(latestEnd, PlanValidator.Minutes(nextFixed.Start!.Value) - travelOut);
            }

            int? start2 = data.Places.Place(item.PlaceId) is { } place
                ? place.Hours.EarliestStart(dow, earliest, duration, latestEnd)
                : earliest + duration <= latestEnd ? earliest : null;
            if (start2 is null)
            {
                var reason = data.Places.Place(item.PlaceId) is { } closed
                    ? $"it does not fit the opening hours ({closed.Hours.Describe(dow)}) and the day"
                    : "it does not fit the day's window after the items before it";
                changes.Add($"{day.Date:yyyy-MM-dd}: dropped {item.Title}: {reason}.");
                continue;
            }

            var moved = item with
            {
                Start = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start2.Value)),
                End = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start2.Value + duration)),
                Location = location,
            };
            if (moved.Start != item.Start || moved.End != item.End)
            {
                changes.Add($"{day.Date:yyyy-MM-dd}: moved {item.Title} from {item.Start:HH:mm}–{item.End:HH:mm} to {moved.Start:HH:mm}–{moved.End:HH:mm}.");
            }

            result.Add(moved);
            cursor = start2.Value + duration;
            at = location;
        }

        return [.. result, .. untimed];
    }

    private static bool IsFixed(ItineraryItem item) => item.Category is ItemCategory.Flight or ItemCategory.Transport or ItemCategory.Lodging;

    private static PlanContent FitBudget(PlanContent content, ValidationOptions options, PlanningData data, string currency, List<string> changes)
    {
        var days = content.Itinerary.Days.Select(d => d.Items.ToList()).ToList();
        decimal Amount(ItineraryItem item)
        {
            try
            {
                return BudgetMath.AmountIn(item, currency, data.Fx);
            }
            catch (PlanningException)
            {
                return item.Cost?.Amount ?? 0;
            }
        }

        if (options.DailyBudget is { } daily)
        {
            for (var d = 0; d < days.Count; d++)
            {
                while (days[d].Where(i => !BudgetMath.IsIntercity(i)).Sum(Amount) > daily && DropPriciest(days[d], Amount) is { } dropped)
                {
                    changes.Add($"{content.Itinerary.Days[d].Date:yyyy-MM-dd}: dropped {dropped.Title} to meet the daily budget.");
                }
            }
        }

        if (content.Budget is { } budget)
        {
            var limit = string.Equals(budget.Currency, currency, StringComparison.OrdinalIgnoreCase) || !data.Fx.Supports(budget.Currency) || !data.Fx.Supports(currency)
                ? budget.Total
                : data.Fx.Convert(budget.Total, budget.Currency, currency);
            while (days.Sum(d => d.Sum(Amount)) > limit)
            {
                var priciest = days.Select((items, index) => (Items: items, Index: index))
                    .SelectMany(x => x.Items.Where(i => i.Category == ItemCategory.Activity && Amount(i) > 0).Select(i => (x.Index, Item: i)))
                    .OrderByDescending(x => Amount(x.Item)).FirstOrDefault();
                if (priciest.Item is null)
                {
                    break;
                }

                days[priciest.Index].Remove(priciest.Item);
                changes.Add($"{content.Itinerary.Days[priciest.Index].Date:yyyy-MM-dd}: dropped {priciest.Item.Title} to meet the budget.");
            }
        }

        return content with { Itinerary = new Itinerary(content.Itinerary.Days.Select((d, i) => d with { Items = days[i] }).ToList()) };
    }

    private static ItineraryItem? DropPriciest(List<ItineraryItem> items, Func<ItineraryItem, decimal> amount)
    {
        var priciest = items.Where(i => i.Category == ItemCategory.Activity && amount(i) > 0).OrderByDescending(amount).FirstOrDefault();
        if (priciest is not null)
        {
            items.Remove(priciest);
        }

        return priciest;
    }
}
