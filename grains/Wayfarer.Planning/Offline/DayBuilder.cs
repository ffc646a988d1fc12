using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;

namespace Wayfarer.Planning.Offline;

/// <summary>The mutable state of <see cref="OfflinePlanner.PlanDay"/> for one day.</summary>
internal sealed class DayBuilder
{
    private const int LunchFrom = 12 * 60;
    private const int LunchUntil = 14 * 60;
    private const int DinnerFrom = (18 * 60) + 30;
    private const int DinnerUntil = (20 * 60) + 30;

    private readonly DayPlanInput _input;
    private readonly PlannerOptions _options;
    private readonly Func<ResolvedCity, TripRequest, bool, Money> _meal;
    private readonly Func<PlaceCandidate, TripRequest, Money> _ticket;
    private int _t;
    private double _lat;
    private double _lon;
    private string? _lastName;
    private bool _lunchDone;
    private bool _dinnerDone;

    public DayBuilder(DayPlanInput input, PlannerOptions options, Func<ResolvedCity, TripRequest, bool, Money> meal, Func<PlaceCandidate, TripRequest, Money> ticket)
    {
        _input = input;
        _options = options;
        _meal = meal;
        _ticket = ticket;
        WindowStart = Minutes(input.Request.DayStart);
        WindowEnd = Minutes(input.Request.DayEnd);
        (StartLat, StartLon) = input.City is { } c ? (c.Lat, c.Lon) : (0, 0);
    }

    public int WindowStart { get; private set; }

    public int WindowEnd { get; private set; }

    public double StartLat { get; }

    public double StartLon { get; }

    public List<ItineraryItem> Timed { get; } = [];

    public List<ItineraryItem> Untimed { get; } = [];

    public List<string> Used { get; } = [];

    public List<string> Notes { get; } = [];

    public bool HasCityTime { get; private set; }

    public void AddLegs()
    {
        var date = _input.Date;
        var buffer = _options.LegBufferMinutes;
        if (_input.ArrivalLeg is { } a)
        {
            if (a.Date == date && a.IsSameDay)
            {
                var end = Minutes(a.DoorArrival);
                Timed.Add(LegItem(a, Minutes(a.DoorDeparture), end));
                WindowStart = Math.Max(WindowStart, end + buffer);
            }
            else if (a.Date < date && a.ArrivalDate == date)
            {
                var end = Minutes(a.DoorArrival);
                var start = DateOnly.FromDateTime(a.ServiceArrival.DateTime) == date ? Minutes(a.ServiceArrival) : 0;
                if (end > start)
                {
                    Timed.Add(new ItineraryItem(Time(start), Time(end), $"Arrive in {a.ToName}" + (a.ToAirport is null ? "" : $" ({a.ToAirport})"), null,
                        ItemCategory.Transport, null, new Money(0, a.Cost.Currency), $"End of the journey from {a.FromName} (estimate): transfer to the centre."));
                }

                WindowStart = Math.Max(WindowStart, end + buffer);
            }
        }

        if (_input.DepartureLeg is { } d && d.Date == date && d != _input.ArrivalLeg)
        {
            var start = Minutes(d.DoorDeparture);
            Timed.Add(LegItem(d, start, d.IsSameDay ? Minutes(d.DoorArrival) : null));
            WindowEnd = Math.Min(WindowEnd, start - buffer);
        }

        if (_input.TransitLeg is { } t)
        {
            Untimed.Add(new ItineraryItem(null, null, $"In transit to {t.ToName}", null, ItemCategory.Other, null, null,
                $"Arrives {t.DoorArrival:yyyy-MM-dd HH:mm} local time (estimate)."));
        }
    }

    public void Schedule(IReadOnlyList<PlaceCandidate> route)
    {
        var city = _input.City!;
        var request = _input.Request;
        _t = WindowStart;
        (_lat, _lon) = (StartLat, StartLon);
        if (_options.IncludeBreakfast && _input.ArrivalLeg is null && WindowStart <= Minutes(request.DayStart) && WindowEnd - WindowStart >= 180)
        {
            Timed.Add(new ItineraryItem(Time(_t), Time(_t + 30), "Breakfast", null, ItemCategory.Dining, new GeoPoint(_lat, _lon),
                _meal(city, request, true), Diet("Near the hotel.")));
            _t += 30;
            HasCityTime = true;
        }

        var target = Math.Max(1, route.Count == 0 ? 0 : Math.Min(route.Count, OfflinePlanner.PlacesPerDay(request.Pace)));
        var full = Minutes(request.DayEnd) - Minutes(request.DayStart);
        if (WindowEnd - WindowStart < full)
        {
            target = Math.Max(1, (int)Math.Round(target * (double)(WindowEnd - WindowStart) / full));
        }

        var remaining = route.ToList();
        var placed = 0;
        while (placed < target && remaining.Count > 0)
        {
            // The candidate that can start soonest wins, with a small preference for the planned route order.
            var best = remaining
                .Select((c, i) => (Candidate: c, Index: i, Slot: Evaluate(c)))
                .Where(x => x.Slot is not null)
                .OrderBy(x => x.Slot!.Value.Start - _t + (10 * x.Index) + (x.Candidate.IsGeneric ? 120 : 0)).ThenBy(x => x.Index)
                .FirstOrDefault();
            if (best.Slot is { } slot)
            {
                Commit(best.Candidate, slot);
                remaining.RemoveAt(best.Index);
                placed++;
                continue;
            }

            // Nothing fits before the next meal: have the meal, then try again.
            if (!_lunchDone && LunchPossible && _t <= LunchLatestStart)
            {
                AddLunchIfDue(final: false);
            }
            else if (!_dinnerDone && DinnerPossible && _t <= DinnerLatestStart)
            {
                AddDinnerIfDue(final: false);
            }
            else
            {
                break;
            }
        }

        if (_t <= LunchLatestStart)
        {
            AddLunchIfDue(final: true);
        }

        _lunchDone = true;
        AddDinnerIfDue(final: true);
    }

    /// <summary>Places a candidate now if it fits its opening hours, the window and the next pending meal (a long
    /// visit may be shortened to 60% of its length, at least 45 minutes, to end before the meal).</summary>
    private (int Start, int Duration, int Travel, string Mode)? Evaluate(PlaceCandidate c)
    {
        var request = _input.Request;
        var dow = _input.Date.DayOfWeek;
        var (travel, mode) = TravelEstimator.Estimate(_lat, _lon, c.Lat, c.Lon, request.Mobility);
        var mealDeadline = !_lunchDone && LunchPossible && _t <= LunchLatestStart ? LunchLatestStart
            : !_dinnerDone && DinnerPossible && _t <= DinnerLatestStart ? DinnerLatestStart
            : WindowEnd;
        var duration = c.DurationMinutes;
        var start = EarliestStart(c, _t + travel, duration, mealDeadline);
        if (start is null)
        {
            var shortest = Math.Max(45, (int)Math.Ceiling(c.DurationMinutes * 0.6 / 5) * 5);
            var earliest = TravelEstimator.RoundUp(_t + travel);
            var closing = c.Hours.On(dow).Where(r => r.Open <= earliest && earliest < r.Close).Select(r => r.Close).DefaultIfEmpty(earliest).Max();
            duration = ((Math.Min(mealDeadline, closing) - earliest) / 5) * 5;
            if (duration < shortest || duration >= c.DurationMinutes || !c.Hours.IsOpen(dow, earliest, earliest + duration))
            {
                return null;
            }

            start = earliest;
        }

        return (start.Value, duration, travel, mode);
    }

    private void Commit(PlaceCandidate c, (int Start, int Duration, int Travel, string Mode) slot)
    {
        var request = _input.Request;
        var dow = _input.Date.DayOfWeek;
        var (start, duration, travel, mode) = slot;
        var end = start + duration;
        var price = _ticket(c, request);
        var note = $"Open {c.Hours.Describe(dow)}. " + (travel > 0 ? $"About {travel} min {(mode == "walk" ? "on foot" : "by public transport")} from {_lastName ?? "the hotel"}. " : "")
            + (duration < c.DurationMinutes ? $"A shorter visit than the usual {c.DurationMinutes} min. " : "")
            + (c.MatchedInterests.Count > 0 ? $"Matches: {string.Join(", ", c.MatchedInterests)}. " : "")
            + (c.TicketUsd > 0 ? "Ticket price is an estimate." : "Free entry.");
        Timed.Add(new ItineraryItem(Time(start), Time(end), c.Name, c.IsGeneric ? null : c.PlaceId, ItemCategory.Activity,
            new GeoPoint(c.Lat, c.Lon), price, note.Trim()));
        Used.Add(c.PlaceId);
        _t = end;
        (_lat, _lon, _lastName) = (c.Lat, c.Lon, c.IsGeneric ? c.Area : c.Name);
        HasCityTime = true;
    }

    private int? EarliestStart(PlaceCandidate c, int earliest, int duration, int latestEnd)
    {
        var dow = _input.Date.DayOfWeek;
        var start = c.Hours.EarliestStart(dow, TravelEstimator.RoundUp(earliest), duration, latestEnd);
        if (start is { } s && s % 5 != 0)
        {
            var rounded = TravelEstimator.RoundUp(s);
            return c.Hours.IsOpen(dow, rounded, rounded + duration) && rounded + duration <= latestEnd ? rounded : null;
        }

        return start;
    }

    private int LunchLatestStart => Math.Min(LunchUntil, WindowEnd) - _options.LunchMinutes;

    private int DinnerLatestStart => Math.Min(DinnerUntil, WindowEnd) - _options.DinnerMinutes;

    private bool LunchPossible => Math.Max(WindowStart, LunchFrom) <= LunchLatestStart;

    private bool DinnerPossible => Math.Max(WindowStart, DinnerFrom) <= DinnerLatestStart;

    private void AddLunchIfDue(bool final)
    {
        if (_lunchDone || !LunchPossible)
        {
            return;
        }

        _lunchDone = true;
        var start = TravelEstimator.RoundUp(Math.Max(_t, LunchFrom));
        if (start <= LunchLatestStart)
        {
            AddMeal("Lunch", start, _options.LunchMinutes);
        }
        else if (!final)
        {
            Notes.Add($"{_input.Date:yyyy-MM-dd}: no time for lunch.");
        }
    }

    private void AddDinnerIfDue(bool final)
    {
        if (_dinnerDone || !DinnerPossible)
        {
            return;
        }

        _dinnerDone = true;
        var start = TravelEstimator.RoundUp(Math.Max(_t, DinnerFrom));
        if (start <= DinnerLatestStart)
        {
            AddMeal("Dinner", start, _options.DinnerMinutes);
        }
        else if (!final)
        {
            Notes.Add($"{_input.Date:yyyy-MM-dd}: no time for dinner.");
        }
    }

    private void AddMeal(string meal, int start, int minutes)
    {
        var city = _input.City!;
        var title = _lastName is null ? $"{meal} in {city.Name}" : $"{meal} near {_lastName}";
        Timed.Add(new ItineraryItem(Time(start), Time(start + minutes), title, null, ItemCategory.Dining, new GeoPoint(_lat, _lon),
            _meal(city, _input.Request, false), Diet("Estimated price per person times travellers.")));
        _t = start + minutes;
        HasCityTime = true;
    }

    private string Diet(string text) => _input.Request.DietaryNeeds.Count == 0
        ? text
        : $"{text} Choose a place with {string.Join(", ", _input.Request.DietaryNeeds)} options.";

    private ItineraryItem LegItem(TransportLeg leg, int start, int? end)
    {
        var notes = string.Join(" ", leg.Notes) + (end is null ? $" Arrives {leg.DoorArrival:yyyy-MM-dd HH:mm} local time." : "");
        if (leg.Mode == TransportMode.Flight)
        {
            return new ItineraryItem(Time(start), end is null ? null : Time(end.Value), $"Flight {leg.FromAirport} → {leg.ToAirport} ({leg.FromName} to {leg.ToName})",
                null, ItemCategory.Flight, null, leg.Cost, notes,
                Flight: new FlightDetails(null, null, leg.FromAirport, leg.ToAirport, leg.ServiceDeparture, leg.ServiceArrival));
        }

        return new ItineraryItem(Time(start), end is null ? null : Time(end.Value), $"{leg.Mode} from {leg.FromName} to {leg.ToName}", null,
            ItemCategory.Transport, null, leg.Cost, notes);
    }

    internal static int Minutes(TimeOnly time) => (time.Hour * 60) + time.Minute;

    internal static int Minutes(DateTimeOffset time) => (time.Hour * 60) + time.Minute;

    internal static TimeOnly Time(int minutes) => new(Math.Clamp(minutes, 0, 1439) / 60, Math.Clamp(minutes, 0, 1439) % 60);
}
