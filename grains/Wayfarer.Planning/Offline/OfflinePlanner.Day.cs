using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;

namespace Wayfarer.Planning.Offline;

public sealed partial class OfflinePlanner
{
    /// <summary>Step 7: fills one day. Picks sights around the best remaining one (same area, short distances),
    /// orders them by nearest neighbour and 2-opt, leaves the estimated travel time between consecutive items,
    /// respects opening hours of that weekday and the daily window, adds lunch (12:00–14:00) and dinner
    /// (18:30–20:30), breakfast on full days, the legs of the day, lodging and a local transport estimate.</summary>
    public DayPlan PlanDay(DayPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        var day = new DayBuilder(input, _options, MealPrice, TicketPrice);
        day.AddLegs();
        if (input.City is { } city && day.WindowEnd - day.WindowStart >= 60)
        {
            var chosen = ChoosePlaces(input, day);
            day.Schedule(chosen);
        }

        if (input.Lodging is { } lodging)
        {
            day.Untimed.Add(new ItineraryItem(null, null, lodging.Name, null, ItemCategory.Lodging, lodging.Location, lodging.PerNight,
                $"{lodging.Rooms} room(s) for {request.Travelers} traveller(s); estimated price per night, not a booking.",
                Lodging: new LodgingDetails(lodging.Name, $"Central {CityName(input, lodging.GeonameId)} (to be chosen)", lodging.CheckIn, lodging.CheckOut)));
        }

        if (input.City is { } c && day.HasCityTime)
        {
            var perPerson = c.Costs.LocalTransportPerDay * (request.Mobility == MobilityLevel.WheelchairAccessible ? 2 : 1);
            day.Untimed.Add(new ItineraryItem(null, null, $"Local transport in {c.Name}", null, ItemCategory.Transport, null,
                Price(perPerson * request.Travelers, request), "Estimate: metro, bus and the odd taxi for the day."));
        }

        var items = day.Timed.OrderBy(i => i.Start).ThenBy(i => i.End ?? TimeOnly.MaxValue).Concat(day.Untimed).ToList();
        return new DayPlan(new ItineraryDay(input.Date, items), day.Used, input.City?.GeonameId, day.Notes);
    }

    private static string CityName(DayPlanInput input, int geonameId) =>
        input.City?.GeonameId == geonameId ? input.City.Name
        : input.DepartureLeg?.ToGeonameId == geonameId ? input.DepartureLeg.ToName
        : input.ArrivalLeg?.ToName ?? "city";

    private List<PlaceCandidate> ChoosePlaces(DayPlanInput input, DayBuilder day)
    {
        var dow = input.Date.DayOfWeek;
        var target = PlacesPerDay(input.Request.Pace);

        var open = input.Candidates
            .Where(c => c.Hours.EarliestStart(dow, day.WindowStart, c.DurationMinutes, day.WindowEnd) is not null)
            .ToList();
        if (open.Count == 0)
        {
            return [];
        }

        // Curated places first; generic walks (at most two a day, different areas near the anchor) only fill gaps.
        var real = open.Where(c => !c.IsGeneric).ToList();
        var anchor = real.Count > 0 ? real[0] : open[0];
        var chosen = real
            .Where(c => c != anchor)
            .Select(c => (Candidate: c, Value: c.Score - (0.6 * Catalog.GeoMath.DistanceKm(anchor.Lat, anchor.Lon, c.Lat, c.Lon)) - (c.Area == anchor.Area ? 0 : 0.5)))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Candidate.PlaceId, StringComparer.Ordinal)
            .Select(x => x.Candidate)
            .Take((target * 2) - 1)
            .Prepend(anchor)
            .ToList();
        if (chosen.Count < target * 2)
        {
            var generic = open.Where(c => c.IsGeneric && c != anchor && !(anchor.IsGeneric && c.Area == anchor.Area && real.Count == 0 && c.Name.StartsWith("More", StringComparison.Ordinal)))
                .OrderBy(c => Catalog.GeoMath.DistanceKm(anchor.Lat, anchor.Lon, c.Lat, c.Lon)).ThenBy(c => c.PlaceId, StringComparer.Ordinal)
                .ToList();
            var walks = generic.DistinctBy(c => c.Area).Take(real.Count == 0 ? Math.Max(1, target - 1) : 2).ToList();
            chosen.AddRange(walks.Count > 0 ? walks : generic.Take(1));
        }

        return Order(chosen, day.StartLat, day.StartLon, target);
    }

    private static List<PlaceCandidate> Order(List<PlaceCandidate> pool, double lat, double lon, int target)
    {
        // The first `target` are the plan; the rest are reserves tried when a planned one does not fit.
        var planned = pool.Take(target).ToList();
        var reserves = pool.Skip(target).ToList();
        var route = new List<PlaceCandidate>();
        var (curLat, curLon) = (lat, lon);
        while (planned.Count > 0)
        {
            var next = planned.OrderBy(c => Catalog.GeoMath.DistanceKm(curLat, curLon, c.Lat, c.Lon)).ThenBy(c => c.PlaceId, StringComparer.Ordinal).First();
            planned.Remove(next);
            route.Add(next);
            (curLat, curLon) = (next.Lat, next.Lon);
        }

        var improved = true;
        while (improved)
        {
            improved = false;
            for (var i = 0; i < route.Count - 1; i++)
            {
                for (var j = i + 1; j < route.Count; j++)
                {
                    var before = Leg(route, i - 1, i, lat, lon) + (j + 1 < route.Count ? Leg(route, j, j + 1, lat, lon) : 0);
                    var after = Leg2(route, i - 1, j, lat, lon) + (j + 1 < route.Count ? Catalog.GeoMath.DistanceKm(route[i].Lat, route[i].Lon, route[j + 1].Lat, route[j + 1].Lon) : 0);
                    if (after < before - 1e-6)
                    {
                        route.Reverse(i, j - i + 1);
                        improved = true;
                    }
                }
            }
        }

        route.AddRange(reserves);
        return route;
    }

    private static double Leg(List<PlaceCandidate> route, int a, int b, double lat, double lon)
    {
        var (aLat, aLon) = a < 0 ? (lat, lon) : (route[a].Lat, route[a].Lon);
        return Catalog.GeoMath.DistanceKm(aLat, aLon, route[b].Lat, route[b].Lon);
    }

    private static double Leg2(List<PlaceCandidate> route, int a, int j, double lat, double lon) => Leg(route, a, j, lat, lon);

    private Money MealPrice(ResolvedCity city, TripRequest request, bool breakfast) =>
        Price((breakfast ? city.Costs.Breakfast : city.Costs.Meal).At(request.BudgetLevel) * request.Travelers, request);

    private Money TicketPrice(PlaceCandidate candidate, TripRequest request) =>
        candidate.TicketUsd <= 0 ? new Money(0, request.Currency.ToUpperInvariant()) : Price(candidate.TicketUsd * request.Travelers, request);
}
