using System.Text.Json;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Planning.Catalog;
using Wayfarer.Planning.Offline;

namespace Wayfarer.Planning.Tests;

[Trait("Category", "Unit")]
public sealed class PlannerTests
{
    private static OfflinePlanner Planner => TestData.Planner;

    private static TripRequest Paris(int days = 3, TravelPace pace = TravelPace.Balanced, IReadOnlyList<string>? interests = null) =>
        TripRequest.Create(["Paris"], TestData.Monday, TestData.Monday.AddDays(days - 1), 2, pace: pace, interests: interests, currency: "EUR");

    private static List<ItineraryItem> Activities(PlannerResult result) =>
        result.Itinerary.Days.SelectMany(d => d.Items).Where(i => i.Category == ItemCategory.Activity).ToList();

    [Fact]
    public void APlanHasEveryDayAndPassesTheValidator()
    {
        var result = Planner.Plan(Paris(4));
        Assert.Equal(4, result.Itinerary.Days.Count);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => TestData.Monday.AddDays(i)), result.Itinerary.Days.Select(d => d.Date));
        Assert.True(result.Validation.IsValid, result.Validation.ToString());
        Assert.Equal(3, result.Itinerary.Days.Count(d => d.Items.Any(i => i.Category == ItemCategory.Lodging)));
        Assert.Contains(result.Notes, n => n.Contains("estimates", StringComparison.Ordinal));
    }

    [Fact]
    public void InterestsPullMatchingPlacesForward()
    {
        static double ArtShare(PlannerResult r) =>
            Activities(r).Select(a => TestData.Data.Places.Place(a.PlaceId)!).Count(p => p.Tags.Contains("art") || p.Category == "museum") / (double)Activities(r).Count;
        var art = Planner.Plan(Paris(2, interests: ["art"]));
        var parks = Planner.Plan(Paris(2, interests: ["parks", "nature"]));
        Assert.True(ArtShare(art) > ArtShare(parks), $"art {ArtShare(art):0.00} vs parks {ArtShare(parks):0.00}");
        var first = Planner.FindCandidates(Planner.ResolveCity("Paris"), Paris(interests: ["art"]), 2).Take(3);
        Assert.All(first, c => Assert.Contains("art", c.MatchedInterests));
    }

    [Fact]
    public void PaceSetsHowManySightsADayHolds()
    {
        var relaxed = Activities(Planner.Plan(Paris(3, TravelPace.Relaxed))).Count;
        var balanced = Activities(Planner.Plan(Paris(3, TravelPace.Balanced))).Count;
        var packed = Activities(Planner.Plan(Paris(3, TravelPace.Packed))).Count;
        Assert.True(relaxed < balanced && balanced < packed, $"relaxed {relaxed}, balanced {balanced}, packed {packed}");
        Assert.InRange(relaxed, 3 * 2, 3 * 3);
        Assert.True(packed >= 3 * 5 - 2, $"packed {packed}");
    }

    [Fact]
    public void ADaysSightsAreCloserTogetherThanTheCityAtLarge()
    {
        var result = Planner.Plan(Paris(3));
        var within = new List<double>();
        foreach (var day in result.Itinerary.Days)
        {
            var located = day.Items.Where(i => i.Category == ItemCategory.Activity && i.Location is not null).Select(i => i.Location!).ToList();
            within.AddRange(located.Zip(located.Skip(1), (a, b) => GeoMath.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon)));
        }

        var all = TestData.Data.Places.ByGeonameId(2988507)!.Places;
        var overall = all.SelectMany(a => all.Where(b => b != a).Select(b => GeoMath.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon))).Average();
        Assert.True(within.Average() < overall, $"within a day {within.Average():0.0} km, city-wide {overall:0.0} km");
    }

    [Fact]
    public void EverySightIsVisitedWhileOpenAndWithinTheWindowWithMealsInTheirSlots()
    {
        var result = Planner.Plan(Paris(7));
        foreach (var day in result.Itinerary.Days)
        {
            foreach (var item in day.Items.Where(i => i.PlaceId is not null))
            {
                var place = TestData.Data.Places.Place(item.PlaceId)!;
                Assert.True(place.Hours.IsOpen(day.Date.DayOfWeek, Min(item.Start), Min(item.End)), $"{place.Id} on {day.Date.DayOfWeek} {item.Start}-{item.End}");
                Assert.True(item.Start >= new TimeOnly(9, 0) && item.End <= new TimeOnly(21, 0));
            }

            foreach (var meal in day.Items.Where(i => i.Title.StartsWith("Lunch", StringComparison.Ordinal)))
            {
                Assert.True(meal.Start >= new TimeOnly(12, 0) && meal.End <= new TimeOnly(14, 0), $"lunch {meal.Start}-{meal.End}");
            }

            foreach (var meal in day.Items.Where(i => i.Title.StartsWith("Dinner", StringComparison.Ordinal)))
            {
                Assert.True(meal.Start >= new TimeOnly(18, 30) && meal.End <= new TimeOnly(20, 30), $"dinner {meal.Start}-{meal.End}");
            }
        }

        static int Min(TimeOnly? t) => t!.Value.Hour * 60 + t.Value.Minute;
    }

    [Fact]
    public void ShortHopsGoByGroundAndLongOnesFlyBetweenAirports()
    {
        var request = Paris();
        var paris = Planner.ResolveCity("Paris");
        var brussels = Planner.ResolveCity("Brussels");
        var tokyo = Planner.ResolveCity("Tokyo");
        var ground = Planner.EstimateLeg(paris, brussels, TestData.Monday, request);
        Assert.NotEqual(TransportMode.Flight, ground.Mode);
        Assert.Null(ground.FromAirport);
        Assert.True(ground.IsSameDay);
        var flight = Planner.EstimateLeg(paris, tokyo, TestData.Monday, request);
        Assert.Equal(TransportMode.Flight, flight.Mode);
        Assert.Contains(flight.FromAirport, paris.Airports);
        Assert.Contains(flight.ToAirport, tokyo.Airports);
        Assert.True(flight.DoorArrival > flight.DoorDeparture.AddHours(12));
        Assert.True(flight.ServiceDeparture > flight.DoorDeparture && flight.ServiceArrival < flight.DoorArrival, "airport time is included");
        Assert.Equal(TimeSpan.FromHours(9), flight.DoorArrival.Offset);
        Assert.Contains(flight.Notes, n => n.Contains("estimate", StringComparison.OrdinalIgnoreCase));
        Assert.True(flight.Cost.Amount > ground.Cost.Amount);
    }

    [Fact]
    public void PreferredGroundTransportIsHonouredWhenReasonable()
    {
        var request = Paris() with { PreferredTransport = [TransportMode.Bus] };
        var leg = Planner.EstimateLeg(Planner.ResolveCity("Paris"), Planner.ResolveCity("Amsterdam"), TestData.Monday, request);
        Assert.Equal(TransportMode.Bus, leg.Mode);
    }

    [Fact]
    public void AMultiCityTripVisitsEveryCityWithLegsBetweenThemAndHome()
    {
        var request = TripRequest.Create(["Paris", "Rome", "Barcelona"], TestData.Monday, TestData.Monday.AddDays(8), 3, origin: "London", currency: "GBP");
        var trip = Planner.Resolve(request);
        var stays = Planner.AllocateStays(trip);
        Assert.Equal(4, stays.Legs.Count);
        Assert.Equal(8, stays.Stays.Sum(s => s.Nights));
        Assert.All(stays.Stays, s => Assert.True(s.Nights >= 1));
        var result = Planner.Plan(request);
        Assert.True(result.Validation.IsValid, result.Validation.ToString());
        foreach (var slug in new[] { "paris-", "rome-", "barcelona-" })
        {
            Assert.Contains(Activities(result), a => a.PlaceId!.StartsWith(slug, StringComparison.Ordinal));
        }

        var legs = result.Itinerary.Days.SelectMany(d => d.Items).Where(i => i.Category is ItemCategory.Flight || (i.Category == ItemCategory.Transport && i.Start is not null)).ToList();
        Assert.Equal(4, legs.Count);
        Assert.All(result.Itinerary.Days.SelectMany(d => d.Items).Where(i => i.Cost is not null), i => Assert.Equal("GBP", i.Cost!.Currency));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1)]
    public void TheStepsCalledOneByOneGiveTheSamePlanAsPlan(int extraDays)
    {
        var request = TripRequest.Create(["Rome", "Florence"], TestData.Monday, TestData.Monday.AddDays(extraDays), 2, origin: "Paris", currency: "EUR", interests: ["history"]);
        var expected = Planner.Plan(request);
        var trip = Planner.Resolve(request);
        var stays = Planner.AllocateStays(trip);
        var legs = stays.Legs.Select(l => Planner.EstimateLeg(l.From, l.To, l.Date, request, l.Kind)).ToList();

        var frames = Planner.FrameDays(trip, stays, legs);
        var pools = stays.Stays.ToDictionary(s => s.City.GeonameId, s => Planner.FindCandidates(s.City, request, frames.Count(f => f.City?.GeonameId == s.City.GeonameId)).ToList());
        var days = new List<ItineraryDay>();
        foreach (var f in frames)
        {
            var pool = f.City is null ? [] : pools[f.City.GeonameId];
            var day = Planner.PlanDay(new DayPlanInput(f.City, f.Date, pool, f.ArrivalLeg, f.DepartureLeg, f.Lodging, request, f.TransitLeg));
            pool.RemoveAll(c => day.UsedPlaceIds.Contains(c.PlaceId));
            days.Add(day.Day);
        }

        var fit = Planner.FitBudget(request, trip, new Itinerary(days));
        Assert.Equal(JsonSerializer.Serialize(expected.Itinerary), JsonSerializer.Serialize(fit.Itinerary));
    }

    [Fact]
    public void TheSameRequestAlwaysGivesTheSamePlan()
    {
        var request = TripRequest.Create(["Tokyo", "Kyoto"], TestData.Monday, TestData.Monday.AddDays(6), 4, origin: "Seoul", currency: "JPY");
        Assert.Equal(JsonSerializer.Serialize(Planner.Plan(request)), JsonSerializer.Serialize(new OfflinePlanner(TestData.Data).Plan(request)));
    }

    [Fact]
    public void AnOverBudgetLuxuryTripIsDowngradedToFit()
    {
        var request = Paris(4) with { BudgetLevel = BudgetLevel.Luxury };
        var luxury = Planner.Plan(request).Budget.Total;
        var moderate = Planner.Plan(request with { BudgetLevel = BudgetLevel.Moderate }).Budget.Total;
        var budget = Math.Round((luxury + moderate) / 2);
        var result = Planner.Plan(request with { Budget = budget });
        Assert.True(result.Budget.WithinBudget);
        Assert.True(result.Budget.Total <= budget);
        Assert.Contains(result.Notes, n => n.Contains("downgraded", StringComparison.Ordinal));
        Assert.True(result.Validation.IsValid, result.Validation.ToString());
    }

    [Fact]
    public void ABudgetThatCannotWorkFailsWithTheMinimumNeeded()
    {
        var e = Assert.Throws<PlanningException>(() => Planner.Plan(Paris(4) with { Budget = 50 }));
        Assert.Equal(PlanningErrorCodes.BudgetTooLow, e.Code);
        Assert.NotNull(e.MinimumBudget);
        Assert.True(e.MinimumBudget > 50);
        Assert.Contains($"{e.MinimumBudget:0.##} EUR", e.Message, StringComparison.Ordinal);
        var ok = Planner.Plan(Paris(4) with { Budget = e.MinimumBudget });
        Assert.True(ok.Budget.Total <= e.MinimumBudget);
    }

    [Fact]
    public void ADailyBudgetIsRespectedOrRefusedWithTheMinimumDay()
    {
        var full = Planner.Plan(Paris(3));
        var dearest = full.Budget.Days.Max(d => d.ExcludingIntercity);
        var fitted = Planner.Plan(Paris(3) with { DailyBudget = dearest - 20 });
        Assert.All(fitted.Budget.Days, d => Assert.True(d.ExcludingIntercity <= dearest - 20));
        var e = Assert.Throws<PlanningException>(() => Planner.Plan(Paris(3) with { DailyBudget = 5 }));
        Assert.Equal(PlanningErrorCodes.BudgetTooLow, e.Code);
    }

    [Fact]
    public void AnUnknownCityFailsWithSuggestions()
    {
        var e = Assert.Throws<PlanningException>(() => Planner.Plan(TripRequest.Create(["Pariss"], TestData.Monday, TestData.Monday)));
        Assert.Equal(PlanningErrorCodes.UnknownCity, e.Code);
        Assert.Contains("Paris, FR", e.Suggestions);
    }

    [Theory]
    [InlineData(PlanningErrorCodes.TooManyDestinations)]
    [InlineData(PlanningErrorCodes.TripTooLong)]
    [InlineData(PlanningErrorCodes.UnsupportedCurrency)]
    [InlineData(PlanningErrorCodes.InvalidRequest)]
    [InlineData(PlanningErrorCodes.TripTooShort)]
    public void InvalidRequestsFailWithTheirCode(string code)
    {
        var request = code switch
        {
            PlanningErrorCodes.TooManyDestinations => Paris(10) with { Destinations = ["Paris", "Rome", "Berlin", "Vienna", "Prague", "Madrid", "Lisbon"] },
            PlanningErrorCodes.TripTooLong => Paris(31),
            PlanningErrorCodes.UnsupportedCurrency => Paris() with { Currency = "XXX" },
            PlanningErrorCodes.TripTooShort => Paris(1) with { Destinations = ["Paris", "Rome"] },
            _ => Paris() with { Travelers = 0 },
        };
        Assert.Equal(code, Assert.Throws<PlanningException>(() => Planner.Plan(request)).Code);
    }

    [Fact]
    public void ACityWithoutCuratedPlacesStillGetsAPlan()
    {
        var result = Planner.Plan(TripRequest.Create(["Lyon"], TestData.Monday, TestData.Monday.AddDays(2), 2, currency: "EUR"));
        Assert.True(result.Validation.IsValid, result.Validation.ToString());
        Assert.Contains(Activities(result), a => a.Title.Contains("centre of Lyon", StringComparison.Ordinal) && a.PlaceId is null);
        Assert.Contains(result.Notes, n => n.Contains("No curated places for Lyon", StringComparison.Ordinal));
        var lyon = Planner.ResolveCity("Lyon");
        Assert.False(lyon.HasCuratedPlaces);
        Assert.Equal("EUR", lyon.Currency);
        Assert.Contains("Paris", lyon.CostSource, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequestComesFromAPlansDatesTravellersBudgetAndPreferences()
    {
        var content = new PlanContent("t", null, ["Rome"], TestData.Monday, TestData.Monday.AddDays(2), 3, new PlanBudget(5000, "eur"),
            new TravelPreferences(BudgetLevel.Budget, TravelPace.Packed, ["history"], ["vegan"], MobilityLevel.Limited, [TransportMode.Train]),
            PlanStatus.Draft, Itinerary.Empty);
        var request = TripRequest.FromPlan(content, "Milan");
        Assert.Equal(("Milan", 3, 5000m, "eur", TravelPace.Packed, BudgetLevel.Budget), (request.Origin, request.Travelers, request.Budget!.Value, request.Currency, request.Pace, request.BudgetLevel));
        Assert.Equal((TripRequest.DefaultDayStart, TripRequest.DefaultDayEnd), (request.DayStart, request.DayEnd));
        Assert.True(Planner.Plan(request).Validation.IsValid);
        Assert.Throws<PlanningException>(() => TripRequest.FromPlan(content with { StartDate = null }));
    }

    [Fact]
    public void LodgingTakesOneRoomPerTwoTravellersEveryNight()
    {
        var result = Planner.Plan(Paris(3) with { Travelers = 5 });
        var lodging = result.Itinerary.Days.SelectMany(d => d.Items).Where(i => i.Category == ItemCategory.Lodging).ToList();
        Assert.Equal(2, lodging.Count);
        Assert.All(lodging, l => Assert.Contains("3 room(s)", l.Notes, StringComparison.Ordinal));
        Assert.All(lodging, l => Assert.NotNull(l.Lodging));
    }

    [Fact]
    public void OptionsAreCheckedAndBreakfastIsOptional()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new OfflinePlanner(TestData.Data, new PlannerOptions { LunchMinutes = 500 }));
        Assert.Equal(nameof(PlannerOptions.LunchMinutes), e.ParamName);
        var planner = new OfflinePlanner(TestData.Data, new PlannerOptions { IncludeBreakfast = false });
        var result = planner.Plan(Paris(3));
        Assert.True(result.Validation.IsValid, result.Validation.ToString());
        Assert.DoesNotContain(result.Itinerary.Days.SelectMany(d => d.Items), i => i.Title == "Breakfast");
        Assert.Contains(Planner.Plan(Paris(3)).Itinerary.Days.SelectMany(d => d.Items), i => i.Title == "Breakfast");
    }

    [Fact]
    public void ALongPackedStayNeverHasAnEmptyDay()
    {
        var result = Planner.Plan(TripRequest.Create(["Amsterdam"], TestData.Monday, TestData.Monday.AddDays(9), 2, pace: TravelPace.Packed));
        Assert.True(result.Validation.IsValid, result.Validation.ToString());
        Assert.All(result.Itinerary.Days, d => Assert.True(d.Items.Count(i => i.Category == ItemCategory.Activity) >= 2, $"{d.Date}: too empty"));
        var ids = Activities(result).Where(a => a.PlaceId is not null).Select(a => a.PlaceId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void NoJourneyIsPlannedBetweenACityAndItself()
    {
        var request = TripRequest.Create(["Paris"], TestData.Monday, TestData.Monday.AddDays(2), 2, origin: "Paris");
        Assert.Empty(Planner.AllocateStays(Planner.Resolve(request)).Legs);
        Assert.True(Planner.Plan(request).Validation.IsValid);
    }

    [Fact]
    public void LongHaulFlightsAcrossTheDateLineGiveAValidPlan()
    {
        var request = TripRequest.Create(["Tokyo", "Los Angeles"], TestData.Monday, TestData.Monday.AddDays(9), 2, origin: "Sydney");
        var result = Planner.Plan(request);
        Assert.True(result.Validation.IsValid, result.Validation.ToString());
        var flights = result.Itinerary.Days.SelectMany(d => d.Items).Where(i => i.Category == ItemCategory.Flight).ToList();
        Assert.Equal(3, flights.Count);
        Assert.All(flights, f => Assert.True(f.Flight!.ArrivalTime > f.Flight.DepartureTime));
        Assert.Contains(flights, f => f.End is null);
        Assert.Equal(10, result.Itinerary.Days.Count);
    }

    [Fact]
    public void PaidSightsGiveWayToFreeOnesWhenMealsAndLodgingAreAlreadyCheap()
    {
        var request = Paris(3) with { BudgetLevel = BudgetLevel.Budget, Interests = ["art"] };
        var full = Planner.Plan(request);
        var tickets = full.Budget.Activities;
        Assert.True(tickets > 0);
        var budget = full.Budget.Total - Math.Floor(tickets / 2);
        var result = Planner.Plan(request with { Budget = budget });
        Assert.True(result.Budget.Total <= budget);
        Assert.True(result.Budget.Activities < tickets);
        Assert.Contains(result.Notes, n => n.Contains("swapped for the free", StringComparison.Ordinal) || n.Contains("dropped to fit", StringComparison.Ordinal));
        Assert.True(result.Validation.IsValid, result.Validation.ToString());
    }
}
