using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Planning.Offline;

public sealed partial class OfflinePlanner
{
    /// <summary>Step 4: where lodging is for a stay: one room per two travellers at the request's level, city centre.</summary>
    public LodgingChoice ChooseLodging(CityStay stay, TripRequest request)
    {
        ArgumentNullException.ThrowIfNull(stay);
        ArgumentNullException.ThrowIfNull(request);
        return LodgingAt(stay.City, stay.Arrive, stay.Depart, request, request.BudgetLevel);
    }

    /// <summary>Step 5: the frame of every day from start to end: the city of its sights, the legs touching it and
    /// where the night is spent. A leg that would leave before the previous one has arrived (two legs on one day) is
    /// re-estimated to leave an hour after that arrival; the frames carry the legs as used.</summary>
    /// <exception cref="PlanningException"><c>trip_too_short</c> when a leg would leave before the previous one arrives.</exception>
    public IReadOnlyList<DayFrame> FrameDays(ResolvedTrip trip, StayPlan stays, IReadOnlyList<TransportLeg> legs)
    {
        ArgumentNullException.ThrowIfNull(trip);
        ArgumentNullException.ThrowIfNull(stays);
        ArgumentNullException.ThrowIfNull(legs);
        var request = trip.Request;
        legs = Sequence(trip, legs);
        for (var i = 1; i < legs.Count; i++)
        {
            if (legs[i].DoorDeparture < legs[i - 1].DoorArrival.AddMinutes(60))
            {
                throw new PlanningException(PlanningErrorCodes.TripTooShort,
                    $"The journey to {legs[i].ToName} would leave before the journey to {legs[i - 1].ToName} arrives: this trip needs at least {request.Days + 1} days.",
                    [$"{request.Days + 1} days"]);
            }
        }

        var lodgings = stays.Stays.Where(s => s.Nights > 0).Select(s => (Stay: s, Choice: ChooseLodging(s, request))).ToList();
        var frames = new List<DayFrame>();
        for (var date = request.StartDate; date <= request.EndDate; date = date.AddDays(1))
        {
            var d = date;
            var departing = legs.FirstOrDefault(l => l.Date == d);
            var arriving = legs.FirstOrDefault(l => l.Date < d && l.ArrivalDate == d)
                ?? (departing is { IsSameDay: true } ? null : legs.FirstOrDefault(l => l.Date == d && l.IsSameDay && l != departing));
            var secondDeparture = departing is not null ? legs.FirstOrDefault(l => l.Date == d && l != departing) : null;
            var transit = legs.FirstOrDefault(l => l.Date < d && l.ArrivalDate > d);
            var stay = stays.Stays.FirstOrDefault(s => s.Arrive <= d && d < s.Depart) ?? stays.Stays.LastOrDefault(s => s.Arrive <= d && d <= s.Depart);
            var lodging = transit is null && d < request.EndDate && !legs.Any(l => l.Date <= d && l.ArrivalDate > d)
                ? lodgings.FirstOrDefault(x => x.Stay.Arrive <= d && d < x.Stay.Depart).Choice
                : null;

            ResolvedCity? city = null;
            TransportLeg? arrivalLeg = null, departureLeg = null;
            if (transit is not null)
            {
                frames.Add(new DayFrame(d, null, null, null, transit, null));
                continue;
            }

            if (departing is not null && secondDeparture is not null)
            {
                // Two legs the same day (a day visit): the first brings the traveller, the second takes them on.
                (arrivalLeg, departureLeg) = (departing, secondDeparture);
                city = CityOf(trip, departing.ToGeonameId);
            }
            else if (arriving is not null && departing is not null)
            {
                (arrivalLeg, departureLeg) = (arriving, departing);
                city = CityOf(trip, arriving.ToGeonameId);
            }
            else if (arriving is not null)
            {
                (arrivalLeg, city) = (arriving, CityOf(trip, arriving.ToGeonameId));
            }
            else if (departing is not null)
            {
                if (departing.IsSameDay && AfternoonMinutes(departing, request) > MorningMinutes(departing, request) && departing.Kind != LegKind.Return)
                {
                    (arrivalLeg, city) = (departing, CityOf(trip, departing.ToGeonameId));
                }
                else
                {
                    (departureLeg, city) = (departing, departing.Kind == LegKind.Outbound ? null : CityOf(trip, departing.FromGeonameId));
                    if (departing.Kind == LegKind.Outbound && departing.IsSameDay)
                    {
                        (arrivalLeg, departureLeg, city) = (departing, null, CityOf(trip, departing.ToGeonameId));
                    }
                }
            }
            else
            {
                city = stay?.City;
            }

            if (arrivalLeg is not null && departureLeg is not null && arrivalLeg != departureLeg
                && departureLeg.DoorDeparture < arrivalLeg.DoorArrival.AddMinutes(60))
            {
                throw new PlanningException(PlanningErrorCodes.TripTooShort,
                    $"On {d:yyyy-MM-dd} the journey out of {arrivalLeg.ToName} would leave before arriving: this trip needs at least {request.Days + 1} days.",
                    [$"{request.Days + 1} days"]);
            }

            frames.Add(new DayFrame(d, city, arrivalLeg, departureLeg, null, lodging));
        }

        return frames;
    }

    /// <summary>Legs as estimated independently may overlap when two share a day (a short stay): a leg leaving
    /// before the previous one arrives plus an hour is estimated again to leave after it.</summary>
    private List<TransportLeg> Sequence(ResolvedTrip trip, IReadOnlyList<TransportLeg> legs)
    {
        var sequenced = new List<TransportLeg>(legs.Count);
        foreach (var leg in legs)
        {
            var adjusted = leg;
            if (sequenced.Count > 0 && leg.DoorDeparture < sequenced[^1].DoorArrival.AddMinutes(60)
                && Known(trip, leg.FromGeonameId) is { } from && Known(trip, leg.ToGeonameId) is { } to)
            {
                adjusted = EstimateLeg(from, to, leg.Date, trip.Request, leg.Kind, sequenced[^1].DoorArrival.AddMinutes(60));
            }

            sequenced.Add(adjusted);
        }

        return sequenced;
    }

    private static ResolvedCity? Known(ResolvedTrip trip, int geonameId) =>
        trip.Origin?.GeonameId == geonameId ? trip.Origin : CityOf(trip, geonameId);

    private static ResolvedCity? CityOf(ResolvedTrip trip, int geonameId) => trip.Destinations.FirstOrDefault(c => c.GeonameId == geonameId);

    private static int MorningMinutes(TransportLeg leg, TripRequest request) =>
        (leg.DoorDeparture.Hour * 60) + leg.DoorDeparture.Minute - ((request.DayStart.Hour * 60) + request.DayStart.Minute);

    private static int AfternoonMinutes(TransportLeg leg, TripRequest request) =>
        (request.DayEnd.Hour * 60) + request.DayEnd.Minute - ((leg.DoorArrival.Hour * 60) + leg.DoorArrival.Minute);

    private LodgingChoice LodgingAt(ResolvedCity city, DateOnly checkIn, DateOnly checkOut, TripRequest request, GrainInterfaces.Users.BudgetLevel level)
    {
        var rooms = (int)Math.Ceiling(request.Travelers / 2.0);
        var perNight = Price(city.Costs.LodgingPerNight.At(level) * rooms, request);
        var name = $"{level} hotel in central {city.Name}";
        return new LodgingChoice(city.GeonameId, name, level, rooms, perNight, checkIn, checkOut, new GeoPoint(city.Lat, city.Lon));
    }
}
