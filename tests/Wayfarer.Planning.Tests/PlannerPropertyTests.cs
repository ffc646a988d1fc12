using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Tests;

[Trait("Category", "Unit")]
public sealed class PlannerPropertyTests
{
    private static readonly string[] InterestPool =
        ["art", "history", "food", "nature", "nightlife", "shopping", "architecture", "museums", "beach", "views", "markets", "religion", "family", "music", "parks"];

    [Fact]
    public void TwoHundredRandomFeasibleRequestsAllProduceValidPlans()
    {
        // WAYFARER_PLANNING_SEED / WAYFARER_PLANNING_RUNS explore other seeds locally; the default is fixed.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("WAYFARER_PLANNING_SEED"), out var s) ? s : 20261122;
        var runs = int.TryParse(Environment.GetEnvironmentVariable("WAYFARER_PLANNING_RUNS"), out var r) ? r : 200;
        var random = new Random(seed);
        var destinations = TestData.Data.Places.Destinations;
        var currencies = destinations.Select(d => d.Currency).Concat(["USD", "EUR", "GBP", "JPY"]).Distinct().Where(TestData.Data.Fx.Supports).Order().ToArray();
        var failures = new List<string>();
        var uncuratedRuns = 0;
        for (var run = 0; run < runs; run++)
        {
            var request = RandomRequest(random, destinations, currencies);
            try
            {
                var trip = TestData.Planner.Resolve(request);
                uncuratedRuns += trip.Destinations.Any(d => !d.HasCuratedPlaces) || trip.Origin is { HasCuratedPlaces: false } ? 1 : 0;
                var unbounded = TestData.Planner.Plan(request);
                if (random.Next(3) > 0)
                {
                    var factor = 1.0m + (decimal)(random.NextDouble() * 0.6);
                    var daily = random.Next(4) == 0 ? unbounded.Budget.Days.Max(d => d.ExcludingIntercity) * 1.2m : (decimal?)null;
                    request = request with { Budget = Math.Ceiling(unbounded.Budget.Total * factor), DailyBudget = daily is null ? null : Math.Ceiling(daily.Value) };
                }

                var result = TestData.Planner.Plan(request);
                var days = result.Itinerary.Days;
                if (!result.Validation.IsValid)
                {
                    failures.Add($"run {run} (seed {seed}): {TestData.Describe(request)}\n{result.Validation}");
                }
                else if (days.Count != request.Days || days[0].Date != request.StartDate || days[^1].Date != request.EndDate)
                {
                    failures.Add($"run {run} (seed {seed}): {TestData.Describe(request)}\nexpected {request.Days} days, got {days.Count}");
                }
                else if (result.Budget.Budget is { } budget && result.Budget.Total > budget)
                {
                    failures.Add($"run {run} (seed {seed}): {TestData.Describe(request)}\nover budget: {result.Budget.Total} > {budget}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"run {run} (seed {seed}): {TestData.Describe(request)}\n{e.GetType().Name}: {e.Message}\n{string.Join("\n", (e.StackTrace ?? "").Split('\n').Take(3))}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {runs} failed:\n" + string.Join("\n\n", failures.Take(8)));
        Assert.True(uncuratedRuns >= runs / 20, $"only {uncuratedRuns} of {runs} requests had a city without curated places");
    }

    private static TripRequest RandomRequest(Random random, IReadOnlyList<Destination> destinations, string[] currencies)
    {
        var count = random.Next(1, 4);
        var hasOrigin = random.Next(2) == 0;
        var days = Math.Max(count + (hasOrigin ? 1 : 0), random.Next(1, 15));
        var first = destinations[random.Next(destinations.Count)];
        // Short trips stay regional so the travelling leaves time to see something: a feasible request.
        var maxKm = days >= (2 * count) + 4 ? double.MaxValue : days >= count + 2 ? 4000 : 1500;
        var near = destinations.Where(d => d != first && Km(first, d) <= maxKm).ToList();
        var chosen = new List<Destination> { first };
        while (chosen.Count < count && near.Count > 0)
        {
            var next = near[random.Next(near.Count)];
            near.Remove(next);
            chosen.Add(next);
        }

        string? origin = null;
        if (hasOrigin && near.Count > 0)
        {
            origin = near[random.Next(near.Count)].City;
        }

        // Now and then a big city without curated places (generic days, borrowed costs, nearest airports), as a
        // destination near the first one or as the origin.
        var names = chosen.Select(d => random.Next(2) == 0 ? d.City : $"{d.City}, {d.Country}").ToList();
        if (random.Next(5) == 0)
        {
            var firstCity = TestData.Data.Geo.CityById(first.GeonameId)!;
            var uncurated = Uncurated.Where(c => GeoMath.DistanceKm(c.Lat, c.Lon, firstCity.Lat, firstCity.Lon) <= Math.Min(maxKm, 3000)).ToList();
            if (uncurated.Count > 0)
            {
                var pick = uncurated[random.Next(uncurated.Count)];
                if (hasOrigin && random.Next(2) == 0)
                {
                    origin = pick.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (names.Count < 3 && days >= names.Count + 1 + (hasOrigin ? 1 : 0))
                {
                    names.Add($"{pick.Name}, {pick.Country}");
                }
            }
        }

        var interests = InterestPool.Where(_ => random.Next(5) == 0).ToList();
        var start = new DateOnly(2027, 1, 1).AddDays(random.Next(365));
        return new TripRequest(
            names,
            origin,
            start,
            start.AddDays(days - 1),
            random.Next(1, 7),
            null,
            null,
            currencies[random.Next(currencies.Length)],
            interests,
            (TravelPace)random.Next(3),
            (BudgetLevel)random.Next(3),
            random.Next(4) == 0 ? ["vegetarian"] : [],
            (MobilityLevel)(random.Next(6) == 0 ? random.Next(3) : 0),
            random.Next(4) == 0 ? [(TransportMode)random.Next(5)] : [],
            random.Next(4) == 0 ? new TimeOnly(random.Next(7, 11), random.Next(4) * 15) : TripRequest.DefaultDayStart,
            random.Next(4) == 0 ? new TimeOnly(random.Next(17, 24), random.Next(4) * 15) : TripRequest.DefaultDayEnd);
    }

    private static readonly IReadOnlyList<City> Uncurated =
        TestData.Data.Geo.Cities.Where(c => c.Pop >= 1_000_000 && TestData.Data.Places.ByGeonameId(c.Id) is null).OrderBy(c => c.Id).ToList();

    private static double Km(Destination a, Destination b)
    {
        var ca = TestData.Data.Geo.CityById(a.GeonameId)!;
        var cb = TestData.Data.Geo.CityById(b.GeonameId)!;
        return GeoMath.DistanceKm(ca.Lat, ca.Lon, cb.Lat, cb.Lon);
    }
}
