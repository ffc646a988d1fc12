using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Offline;

public sealed partial class OfflinePlanner
{
    /// <summary>Step 8: what an itinerary costs per category and per day, for all travellers, in the request currency,
    /// against the total and daily budgets (a daily budget does not cover intercity transport).</summary>
    public BudgetReport CheckBudget(TripRequest request, Itinerary itinerary)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(itinerary);
        var currency = request.Currency.ToUpperInvariant();
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var days = new List<DayBudget>();
        foreach (var day in itinerary.Days)
        {
            decimal total = 0, local = 0;
            foreach (var item in day.Items)
            {
                var amount = BudgetMath.AmountIn(item, currency, _data.Fx);
                var category = BudgetMath.CategoryOf(item);
                totals[category] = totals.GetValueOrDefault(category) + amount;
                total += amount;
                local += category == "intercity" ? 0 : amount;
            }

            days.Add(new DayBudget(day.Date, total, local, request.DailyBudget is not { } daily || local <= daily));
        }

        var sum = totals.Values.Sum();
        var remaining = request.Budget is { } budget ? budget - sum : (decimal?)null;
        var within = (remaining is null || remaining >= 0) && days.All(d => d.WithinDailyBudget);
        return new BudgetReport(currency, totals.GetValueOrDefault("lodging"), totals.GetValueOrDefault("food"), totals.GetValueOrDefault("activities"),
            totals.GetValueOrDefault("local"), totals.GetValueOrDefault("intercity"), totals.GetValueOrDefault("other"), sum, request.Budget, remaining,
            within, request.DailyBudget, days);
    }

    /// <summary>Step 9: brings an itinerary within the total and daily budgets: cheaper lodging, cheaper meals, paid
    /// sights swapped for free ones that fit the same slot (or dropped, priciest first), then no breakfast.</summary>
    /// <exception cref="PlanningException"><c>budget_too_low</c> with the minimum total (or daily) budget in the
    /// message and in <see cref="PlanningException.MinimumBudget"/>.</exception>
    public BudgetFit FitBudget(TripRequest request, ResolvedTrip trip, Itinerary itinerary)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(trip);
        ArgumentNullException.ThrowIfNull(itinerary);
        var report = CheckBudget(request, itinerary);
        var changes = new List<string>();
        if (report.WithinBudget)
        {
            return new BudgetFit(itinerary, report, changes);
        }

        var days = itinerary.Days.Select(d => d.Items.ToList()).ToList();
        var dates = itinerary.Days.Select(d => d.Date).ToList();
        Itinerary Current() => new(dates.Select((d, i) => new ItineraryDay(d, days[i].ToList())).ToList());
        bool Fits() => (report = CheckBudget(request, Current())).WithinBudget;

        foreach (var level in new[] { BudgetLevel.Moderate, BudgetLevel.Budget })
        {
            if (request.BudgetLevel > level)
            {
                Reprice(days, trip, request, level, lodging: true);
                changes.Add($"Lodging downgraded to {level} level to fit the budget.");
                if (Fits())
                {
                    return new BudgetFit(Current(), report, changes);
                }

                Reprice(days, trip, request, level, lodging: false);
                changes.Add($"Meals downgraded to {level} level to fit the budget.");
                if (Fits())
                {
                    return new BudgetFit(Current(), report, changes);
                }
            }
        }

        // Paid sights, priciest first: swap for a free one that fits the slot, else drop.
        while (!report.WithinBudget)
        {
            var overTotal = report.Remaining is < 0;
            var (dayIndex, itemIndex) = PriciestActivity(days, dates, report, overTotal);
            if (dayIndex < 0)
            {
                break;
            }

            var item = days[dayIndex][itemIndex];
            var swap = FreeAlternative(days, dayIndex, itemIndex, dates[dayIndex], trip, request);
            if (swap is not null)
            {
                days[dayIndex][itemIndex] = swap;
                changes.Add($"{dates[dayIndex]:yyyy-MM-dd}: {item.Title} swapped for the free {swap.Title} to fit the budget.");
            }
            else
            {
                days[dayIndex].RemoveAt(itemIndex);
                changes.Add($"{dates[dayIndex]:yyyy-MM-dd}: {item.Title} dropped to fit the budget.");
            }

            Fits();
        }

        if (!report.WithinBudget)
        {
            foreach (var day in days)
            {
                day.RemoveAll(i => i.Category == ItemCategory.Dining && i.Title == "Breakfast");
            }

            changes.Add("Breakfast left out to fit the budget.");
            Fits();
        }

        if (!report.WithinBudget)
        {
            var currency = report.Currency;
            if (report.Remaining is < 0)
            {
                var minimum = _data.Fx.RoundPrice(report.Total, currency);
                throw new PlanningException(PlanningErrorCodes.BudgetTooLow,
                    $"The budget of {request.Budget:0.##} {currency} is too low: this trip needs at least {minimum:0.##} {currency} for {request.Travelers} traveller(s) (budget lodging and meals, free sights).",
                    [$"{minimum:0.##} {currency}"]) { MinimumBudget = minimum, MinimumCurrency = currency };
            }

            var minimumDaily = _data.Fx.RoundPrice(report.Days.Max(d => d.ExcludingIntercity), currency);
            throw new PlanningException(PlanningErrorCodes.BudgetTooLow,
                $"The daily budget of {request.DailyBudget:0.##} {currency} is too low: the dearest day needs at least {minimumDaily:0.##} {currency} for {request.Travelers} traveller(s).",
                [$"{minimumDaily:0.##} {currency} a day"]) { MinimumBudget = minimumDaily, MinimumCurrency = currency };
        }

        return new BudgetFit(Current(), report, changes);
    }

    private void Reprice(List<List<ItineraryItem>> days, ResolvedTrip trip, TripRequest request, BudgetLevel level, bool lodging)
    {
        foreach (var day in days)
        {
            for (var i = 0; i < day.Count; i++)
            {
                var item = day[i];
                if (item.Location is not { } at || NearestCity(trip, at) is not { } city)
                {
                    continue;
                }

                if (lodging && item.Category == ItemCategory.Lodging)
                {
                    var rooms = (int)Math.Ceiling(request.Travelers / 2.0);
                    var name = $"{level} hotel in central {city.Name}";
                    day[i] = item with
                    {
                        Title = name,
                        Cost = Price(city.Costs.LodgingPerNight.At(level) * rooms, request),
                        Lodging = item.Lodging is null ? null : item.Lodging with { Name = name },
                    };
                }
                else if (!lodging && item.Category == ItemCategory.Dining)
                {
                    var prices = item.Title == "Breakfast" ? city.Costs.Breakfast : city.Costs.Meal;
                    day[i] = item with { Cost = Price(prices.At(level) * request.Travelers, request) };
                }
            }
        }
    }

    private static ResolvedCity? NearestCity(ResolvedTrip trip, GeoPoint at) =>
        trip.Destinations.OrderBy(c => GeoMath.DistanceKm(c.Lat, c.Lon, at.Lat, at.Lon)).FirstOrDefault();

    private static (int Day, int Item) PriciestActivity(List<List<ItineraryItem>> days, List<DateOnly> dates, BudgetReport report, bool overTotal)
    {
        (int, int) best = (-1, -1);
        decimal bestAmount = 0;
        for (var d = 0; d < days.Count; d++)
        {
            if (!overTotal && report.Days.FirstOrDefault(x => x.Date == dates[d]) is { WithinDailyBudget: true })
            {
                continue;
            }

            for (var i = 0; i < days[d].Count; i++)
            {
                var item = days[d][i];
                if (item.Category == ItemCategory.Activity && item.Cost is { Amount: > 0 } cost && cost.Amount > bestAmount)
                {
                    (best, bestAmount) = ((d, i), cost.Amount);
                }
            }
        }

        return best;
    }

    private ItineraryItem? FreeAlternative(List<List<ItineraryItem>> days, int dayIndex, int itemIndex, DateOnly date, ResolvedTrip trip, TripRequest request)
    {
        var day = days[dayIndex];
        var item = day[itemIndex];
        if (item.Start is not { } start || item.End is not { } end || item.Location is not { } at || NearestCity(trip, at) is not { } city
            || _data.Places.ByGeonameId(city.GeonameId) is not { } destination)
        {
            return null;
        }

        var used = days.SelectMany(d => d).Select(i => i.PlaceId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var previous = day.Take(itemIndex).LastOrDefault(i => i.End is not null);
        var next = day.Skip(itemIndex + 1).FirstOrDefault(i => i.Start is not null);
        var from = previous?.End is { } pe ? DayBuilder.Minutes(pe) : DayBuilder.Minutes(start);
        var until = next?.Start is { } ns ? DayBuilder.Minutes(ns) : DayBuilder.Minutes(end);
        foreach (var place in destination.Places.Where(p => p.TicketUsd == 0 && !used.Contains(p.Id)).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var travelIn = previous?.Location is { } pl ? TravelEstimator.Estimate(pl.Lat, pl.Lon, place.Lat, place.Lon, request.Mobility).Minutes : 0;
            var travelOut = next?.Location is { } nl ? TravelEstimator.Estimate(place.Lat, place.Lon, nl.Lat, nl.Lon, request.Mobility).Minutes : 0;
            var duration = Math.Min(Math.Clamp(place.DurationMinutes, 30, _options.MaxVisitMinutes), DayBuilder.Minutes(end) - DayBuilder.Minutes(start));
            if (duration < 30)
            {
                continue;
            }

            var latestEnd = Math.Min(until - travelOut, DayBuilder.Minutes(request.DayEnd));
            var s = place.Hours.EarliestStart(date.DayOfWeek, TravelEstimator.RoundUp(Math.Max(from + travelIn, DayBuilder.Minutes(request.DayStart))), duration, latestEnd);
            if (s is { } found && found % 5 == 0)
            {
                return new ItineraryItem(DayBuilder.Time(found), DayBuilder.Time(found + duration), place.Name, place.Id, ItemCategory.Activity,
                    new GeoPoint(place.Lat, place.Lon), new Money(0, request.Currency.ToUpperInvariant()),
                    $"Open {place.Hours.Describe(date.DayOfWeek)}. Free entry (swapped in to fit the budget).");
            }
        }

        return null;
    }
}
