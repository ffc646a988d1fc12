namespace Wayfarer.Planning.Offline;

public sealed partial class OfflinePlanner
{
    /// <summary>Step 2: nights per city and the legs with their dates.</summary>
    /// <remarks>Nights left after nights spent travelling go to the cities in proportion to what there is to see
    /// (curated places, 8 to 30; uncurated cities count 6), every city at least one night when possible (the last
    /// city may be a day visit when days are short), remainders by largest fraction then order. Long-haul legs that
    /// arrive on a later date are estimated here with <see cref="EstimateLeg(ResolvedCity, ResolvedCity, DateOnly, TripRequest, LegKind)"/>
    /// to count those nights.</remarks>
    /// <exception cref="PlanningException"><c>trip_too_short</c> when the travelling leaves no time in a city.</exception>
    public StayPlan AllocateStays(ResolvedTrip trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        var request = trip.Request;
        var cities = trip.Destinations;
        var k = cities.Count;
        var transit = new int[k];
        int[] nights = [];
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var next = TransitNights(trip, nights.Length == 0 ? null : nights);
            if (attempt > 0 && next.SequenceEqual(transit))
            {
                break;
            }

            transit = next;
            nights = SplitNights(trip, request.Days - 1 - transit.Sum());
        }

        var stays = new List<CityStay>();
        var legs = new List<LegPlan>();
        var date = request.StartDate;
        for (var i = 0; i < k; i++)
        {
            // No journey between a city and itself (an origin that is also the first destination, a city repeated).
            if (i == 0 && trip.Origin is not null && trip.Origin.GeonameId != cities[0].GeonameId)
            {
                legs.Add(new LegPlan(trip.Origin, cities[0], date, LegKind.Outbound));
            }
            else if (i > 0 && cities[i - 1].GeonameId != cities[i].GeonameId)
            {
                legs.Add(new LegPlan(cities[i - 1], cities[i], date, LegKind.Onward));
            }

            var arrive = date.AddDays(transit[i]);
            var depart = arrive.AddDays(nights[i]);
            stays.Add(new CityStay(cities[i], arrive, depart, nights[i]));
            date = depart;
        }

        if (trip.Origin is not null && trip.Origin.GeonameId != cities[k - 1].GeonameId)
        {
            legs.Add(new LegPlan(cities[k - 1], trip.Origin, request.EndDate, LegKind.Return));
        }

        var notes = new List<string>
        {
            "Nights: " + string.Join(", ", stays.Select(s => $"{s.City.Name} {s.Nights}")) + ".",
        };
        if (transit.Sum() > 0)
        {
            notes.Add($"{transit.Sum()} night(s) are spent travelling.");
        }

        return new StayPlan(stays, legs, notes);
    }

    private int[] TransitNights(ResolvedTrip trip, int[]? nights)
    {
        var request = trip.Request;
        var cities = trip.Destinations;
        var result = new int[cities.Count];
        var date = request.StartDate;
        for (var i = 0; i < cities.Count; i++)
        {
            var from = i == 0 ? trip.Origin : cities[i - 1];
            if (from is not null && from.GeonameId != cities[i].GeonameId)
            {
                var leg = EstimateLeg(from, cities[i], date, request, i == 0 ? LegKind.Outbound : LegKind.Onward);
                result[i] = Math.Max(0, leg.ArrivalDate.DayNumber - date.DayNumber);
            }

            date = date.AddDays(result[i] + (nights is null ? 1 : nights[i]));
        }

        return result;
    }

    private int[] SplitNights(ResolvedTrip trip, int total)
    {
        var cities = trip.Destinations;
        var k = cities.Count;
        var minimum = trip.Origin is null ? k - 1 : k - 1;
        if (total < minimum)
        {
            var needed = trip.Request.Days + (minimum - total);
            throw new PlanningException(PlanningErrorCodes.TripTooShort,
                $"The travelling leaves too little time: this trip needs at least {needed} days.", [$"{needed} days"]);
        }

        var nights = new int[k];
        if (total < k)
        {
            for (var i = 0; i < total; i++)
            {
                nights[i] = 1;
            }

            return nights;
        }

        var weights = cities.Select(c => c.HasCuratedPlaces ? Math.Clamp(_data.Places.ByGeonameId(c.GeonameId)?.Places.Count ?? 8, 8, 30) : 6).ToArray();
        var spare = total - k;
        var weightSum = weights.Sum();
        var shares = weights.Select(w => (double)spare * w / weightSum).ToArray();
        for (var i = 0; i < k; i++)
        {
            nights[i] = 1 + (int)Math.Floor(shares[i]);
        }

        var left = total - nights.Sum();
        foreach (var i in Enumerable.Range(0, k).OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i).Take(left))
        {
            nights[i]++;
        }

        return nights;
    }
}
