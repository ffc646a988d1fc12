using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Validation;

/// <summary>Checks a plan, whoever made it (the offline planner or a model): dates, times, overlaps, opening
/// hours, travel time, budgets, travellers, lodging and currencies.</summary>
/// <remarks>Pure and thread-safe. Times are local clock times of each day; flights and timed transport may leave
/// the daily window, and a leg without an end time takes the rest of its day.</remarks>
public static partial class PlanValidator
{
    /// <summary>Validates a plan.</summary>
    public static ValidationReport Validate(PlanContent content, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        content = PlanNormalizer.Normalize(content);
        options ??= ValidationOptions.Default;
        var data = options.Data ?? PlanningData.Default;
        var context = new Context(content, options, data);
        CheckPlan(context);
        CheckDays(context);
        for (var d = 0; d < content.Itinerary.Days.Count; d++)
        {
            CheckItems(context, d);
            CheckSequence(context, d);
        }

        CheckOvernight(context);
        CheckBudgets(context);
        CheckLodging(context);
        return new ValidationReport(context.Issues.OrderByDescending(i => i.Severity).ToList());
    }

    private static void CheckPlan(Context c)
    {
        var content = c.Content;
        if (content.TravelerCount is < 1 or > 50)
        {
            c.Error(ValidationCodes.TravelerCount, null, null, $"Travellers must be 1 to 50; the plan has {content.TravelerCount}.");
        }

        if (content.Itinerary.Days.Count > 0 && (content.StartDate is null || content.EndDate is null))
        {
            c.Error(ValidationCodes.DatesMissing, null, null, "The plan has days but no start or end date.");
        }

        if (content.StartDate is { } s && content.EndDate is { } e && e < s)
        {
            c.Error(ValidationCodes.DateOrder, null, null, $"The end date {e:yyyy-MM-dd} is before the start date {s:yyyy-MM-dd}.");
        }

        if (!c.Data.Fx.Supports(c.Currency))
        {
            c.Error(ValidationCodes.UnknownCurrency, null, null, $"The budget currency {c.Currency} has no exchange rate.");
        }
    }

    private static void CheckDays(Context c)
    {
        var days = c.Content.Itinerary.Days;
        var seen = new HashSet<DateOnly>();
        DateOnly? previous = null;
        for (var d = 0; d < days.Count; d++)
        {
            var date = days[d].Date;
            if ((c.Content.StartDate is { } s && date < s) || (c.Content.EndDate is { } e && date > e))
            {
                c.Error(ValidationCodes.DayOutOfRange, d, null, $"Day {date:yyyy-MM-dd} is outside the trip's dates.");
            }

            if (!seen.Add(date))
            {
                c.Error(ValidationCodes.DayDuplicate, d, null, $"Day {date:yyyy-MM-dd} appears twice.");
            }
            else if (previous is { } p && date < p)
            {
                c.Error(ValidationCodes.DayOrder, d, null, $"Day {date:yyyy-MM-dd} comes after {p:yyyy-MM-dd}.");
            }

            previous = date;
        }

        if (days.Count > 0 && c.Content.StartDate is { } start && c.Content.EndDate is { } end && end >= start && end.DayNumber - start.DayNumber <= 366)
        {
            for (var date = start; date <= end; date = date.AddDays(1))
            {
                if (!seen.Contains(date))
                {
                    c.Error(ValidationCodes.DayMissing, null, null, $"No day for {date:yyyy-MM-dd}.");
                }
            }
        }
    }

    private static void CheckItems(Context c, int d)
    {
        var day = c.Content.Itinerary.Days[d];
        var window = (Start: Minutes(c.Options.DayStart), End: Minutes(c.Options.DayEnd));
        for (var i = 0; i < day.Items.Count; i++)
        {
            var item = day.Items[i];
            if (item.Cost is { } cost)
            {
                if (cost.Amount < 0)
                {
                    c.Error(ValidationCodes.NegativeCost, d, i, $"{item.Title} has a negative cost.");
                }

                if (!string.Equals(cost.Currency, c.Currency, StringComparison.OrdinalIgnoreCase))
                {
                    if (c.Data.Fx.Supports(cost.Currency) && c.Data.Fx.Supports(c.Currency))
                    {
                        c.Warning(ValidationCodes.CurrencyMismatch, d, i, $"{item.Title} costs {cost.Currency}, the budget is in {c.Currency} (converted for the totals).");
                    }
                    else
                    {
                        c.Error(ValidationCodes.UnknownCurrency, d, i, $"{item.Title} costs {cost.Currency}, which cannot be converted to {c.Currency}.");
                    }
                }
            }

            if (item.Flight is { DepartureTime: { } dep, ArrivalTime: { } arr } && arr <= dep)
            {
                c.Error(ValidationCodes.FlightTimes, d, i, $"{item.Title} arrives before it departs.");
            }

            var exempt = item.Category is ItemCategory.Flight or ItemCategory.Transport or ItemCategory.Lodging;
            if (item.Start is { } start && item.End is { } end)
            {
                if (end <= start)
                {
                    c.Error(ValidationCodes.TimeOrder, d, i, $"{item.Title} ends ({end:HH:mm}) before it starts ({start:HH:mm}).");
                }
                else if (!exempt && (Minutes(start) < window.Start || Minutes(end) > window.End))
                {
                    c.Error(ValidationCodes.OutsideWindow, d, i, $"{item.Title} ({start:HH:mm}–{end:HH:mm}) is outside the day's window {c.Options.DayStart:HH:mm}–{c.Options.DayEnd:HH:mm}.");
                }
                else if (c.Data.Places.Place(item.PlaceId) is { } place && !place.Hours.IsOpen(day.Date.DayOfWeek, Minutes(start), Minutes(end)))
                {
                    c.Error(ValidationCodes.Closed, d, i, $"{place.Name} is not open {start:HH:mm}–{end:HH:mm} on {day.Date.DayOfWeek} (hours: {place.Hours.Describe(day.Date.DayOfWeek)}).");
                }
            }
            else if (item.Start is { } onlyStart && !exempt && Minutes(onlyStart) < window.Start)
            {
                c.Error(ValidationCodes.OutsideWindow, d, i, $"{item.Title} starts at {onlyStart:HH:mm}, before the day's window.");
            }

            if (item.PlaceId is { } placeId && !placeId.StartsWith("generic:", StringComparison.Ordinal))
            {
                if (c.Data.Places.Place(placeId) is not { } place)
                {
                    c.Warning(ValidationCodes.UnknownPlace, d, i, $"Place id '{placeId}' is not in the catalogue.");
                }
                else if (place.TicketUsd > 0)
                {
                    if (item.Cost is null)
                    {
                        c.Error(ValidationCodes.MissingCost, d, i, $"{place.Name} has an entry ticket but no cost, so the budget cannot be checked.");
                    }
                    else if (c.Data.Fx.Supports(c.Currency) && c.Data.Fx.Supports(item.Cost.Currency))
                    {
                        var expected = c.Data.Fx.FromUsd(place.TicketUsd * c.Travelers, c.Currency);
                        var actual = c.Data.Fx.Convert(item.Cost.Amount, item.Cost.Currency, c.Currency);
                        if (actual < (expected * 0.9m) - 1)
                        {
                            c.Error(ValidationCodes.TicketTravelers, d, i,
                                $"{place.Name} costs about {Math.Ceiling(expected)} {c.Currency} for {c.Travelers} traveller(s); the plan has {actual:0.##}.");
                        }
                    }
                }
            }
        }
    }

    private static void CheckSequence(Context c, int d)
    {
        var day = c.Content.Itinerary.Days[d];
        var timed = day.Items.Select((item, index) => (Item: item, Index: index)).Where(x => x.Item.Start is not null).ToList();
        for (var k = 1; k < timed.Count; k++)
        {
            if (timed[k].Item.Start < timed[k - 1].Item.Start)
            {
                c.Warning(ValidationCodes.ItemOrder, d, timed[k].Index, $"{timed[k].Item.Title} is listed after a later item.");
                break;
            }
        }

        var sorted = timed.OrderBy(x => x.Item.Start).ThenBy(x => x.Index).ToList();
        for (var k = 1; k < sorted.Count; k++)
        {
            var (a, b) = (sorted[k - 1].Item, sorted[k].Item);
            var aEnd = a.End is { } e && e > a.Start ? Minutes(e) : a.End is null && IsLeg(a) ? 24 * 60 : Minutes(a.Start!.Value);
            var bStart = Minutes(b.Start!.Value);
            if (bStart < aEnd)
            {
                c.Error(ValidationCodes.Overlap, d, sorted[k].Index, $"{b.Title} starts at {b.Start:HH:mm}, before {a.Title} ends.");
                continue;
            }

            if (a.End is not null && c.LocationOf(a) is { } from && c.LocationOf(b) is { } to)
            {
                var (need, mode) = TravelEstimator.Estimate(from.Lat, from.Lon, to.Lat, to.Lon, c.Mobility);
                if (bStart - aEnd < need)
                {
                    c.Error(ValidationCodes.TravelTime, d, sorted[k].Index,
                        $"{bStart - aEnd} min between {a.Title} and {b.Title}; getting there takes about {need} min by {mode}.");
                }
            }
        }
    }

    internal static bool IsLeg(ItineraryItem item) => item.Category is ItemCategory.Flight or ItemCategory.Transport;

    internal static int Minutes(TimeOnly time) => (time.Hour * 60) + time.Minute;
}
