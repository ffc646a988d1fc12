using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Planning.Validation;

namespace Wayfarer.Planning.Tests;

/// <summary>One failing plan per check, made by breaking a valid plan from the planner in one place.</summary>
[Trait("Category", "Unit")]
public sealed class ValidatorTests
{
    private static readonly TripRequest Request =
        TripRequest.Create(["Paris"], TestData.Monday, TestData.Monday.AddDays(2), 2, budget: 5000, currency: "EUR");

    private static readonly Lazy<PlanContent> Valid = new(() => TestData.Planner.Plan(Request).Content);

    private static ValidationOptions Options => ValidationOptions.For(Request, TestData.Data);

    private static PlanContent Plan => Valid.Value;

    private static PlanContent WithDay(int index, Func<List<ItineraryItem>, IEnumerable<ItineraryItem>> change) =>
        Plan with { Itinerary = new Itinerary(Plan.Itinerary.Days.Select((d, i) => i == index ? d with { Items = change(d.Items.ToList()).ToList() } : d).ToList()) };

    private static PlanContent WithItem(Func<ItineraryItem, bool> which, Func<ItineraryItem, ItineraryItem> change, int day = 1) =>
        WithDay(day, items =>
        {
            var index = items.FindIndex(i => which(i));
            items[index] = change(items[index]);
            return items;
        });

    private static bool IsSight(ItineraryItem i) => i.Category == ItemCategory.Activity && i.PlaceId is not null;

    private static void AssertFails(PlanContent content, string code, ValidationOptions? options = null)
    {
        var report = PlanValidator.Validate(content, options ?? Options);
        Assert.False(report.IsValid, $"expected {code}, the plan passed");
        Assert.Contains(report.Errors, i => i.Code == code);
    }

    [Fact]
    public void ThePlannersPlanIsValid() => Assert.True(PlanValidator.Validate(Plan, Options).IsValid, PlanValidator.Validate(Plan, Options).ToString());

    [Fact]
    public void TravellersOutsideOneToFiftyAreAnError()
    {
        AssertFails(Plan with { TravelerCount = 0 }, ValidationCodes.TravelerCount);
        AssertFails(Plan with { TravelerCount = 51 }, ValidationCodes.TravelerCount);
    }

    [Fact]
    public void DaysWithoutTripDatesAreAnError() => AssertFails(Plan with { StartDate = null }, ValidationCodes.DatesMissing);

    [Fact]
    public void AnEndBeforeTheStartIsAnError() => AssertFails(Plan with { EndDate = Plan.StartDate!.Value.AddDays(-1) }, ValidationCodes.DateOrder);

    [Fact]
    public void ADayOutsideTheDatesIsAnError() =>
        AssertFails(Plan with { Itinerary = new Itinerary([.. Plan.Itinerary.Days, new ItineraryDay(Plan.EndDate!.Value.AddDays(1), [])]) }, ValidationCodes.DayOutOfRange);

    [Fact]
    public void DaysOutOfOrderAreAnError() =>
        AssertFails(Plan with { Itinerary = new Itinerary(Plan.Itinerary.Days.Reverse().ToList()) }, ValidationCodes.DayOrder);

    [Fact]
    public void ADuplicateDayIsAnError() =>
        AssertFails(Plan with { Itinerary = new Itinerary([.. Plan.Itinerary.Days, Plan.Itinerary.Days[^1]]) }, ValidationCodes.DayDuplicate);

    [Fact]
    public void AMissingDayIsAnError() =>
        AssertFails(Plan with { Itinerary = new Itinerary(Plan.Itinerary.Days.Where((_, i) => i != 1).ToList()) }, ValidationCodes.DayMissing);

    [Fact]
    public void AnItemEndingBeforeItStartsIsAnError() =>
        AssertFails(WithItem(IsSight, i => i with { End = i.Start!.Value.AddMinutes(-10) }), ValidationCodes.TimeOrder);

    [Fact]
    public void ASightOutsideTheDailyWindowIsAnErrorButAFlightIsNot()
    {
        AssertFails(WithItem(i => i.Title == "Breakfast", i => i with { Start = new TimeOnly(7, 0), End = new TimeOnly(7, 30) }), ValidationCodes.OutsideWindow);
        var flight = new ItineraryItem(new TimeOnly(6, 0), new TimeOnly(7, 0), "Early flight", null, ItemCategory.Flight, null, new Money(0, "EUR"), null);
        Assert.DoesNotContain(PlanValidator.Validate(WithDay(0, items => items.Prepend(flight)), Options).Issues, i => i.Code == ValidationCodes.OutsideWindow);
    }

    [Fact]
    public void OverlappingItemsAreAnError() =>
        AssertFails(WithDay(1, items => items.Append(items.First(IsSight) with { PlaceId = null, Location = null, Title = "Double booked", Cost = null })), ValidationCodes.Overlap);

    [Fact]
    public void ASightAtAClosedHourIsAnError()
    {
        var place = TestData.Data.Places.ByGeonameId(2988507)!.Places.First(p => p.Hours.On(DayOfWeek.Tuesday).All(r => r.Close <= 20 * 60) && p.Hours.On(DayOfWeek.Tuesday).Count > 0);
        var late = new ItineraryItem(new TimeOnly(20, 0), new TimeOnly(20, 45), place.Name, place.Id, ItemCategory.Activity, new GeoPoint(place.Lat, place.Lon),
            new Money(Math.Ceiling(TestData.Data.Fx.FromUsd(place.TicketUsd * 2, "EUR")), "EUR"), null);
        AssertFails(WithDay(1, items => items.Where(i => i.Start is null || i.End <= new TimeOnly(18, 0)).Append(late)), ValidationCodes.Closed);
    }

    [Fact]
    public void TooLittleTimeToGetToTheNextPlaceIsAnError()
    {
        var content = WithDay(1, items =>
        {
            var sights = items.Where(IsSight).ToList();
            var (a, b) = (sights[0], sights[^1]);
            var far = b with { Start = a.End, End = a.End!.Value.AddMinutes(30), Location = new GeoPoint(a.Location!.Lat + 0.1, a.Location.Lon), PlaceId = null };
            return items.Where(i => i.Start is null || i.End <= a.End).Append(far);
        });
        AssertFails(content, ValidationCodes.TravelTime);
    }

    [Fact]
    public void GoingOverTheBudgetIsAnError() => AssertFails(Plan with { Budget = new PlanBudget(100, "EUR") }, ValidationCodes.BudgetExceeded);

    [Fact]
    public void GoingOverTheDailyBudgetIsAnError() => AssertFails(Plan, ValidationCodes.DailyBudgetExceeded, Options with { DailyBudget = 10 });

    [Fact]
    public void ATicketPricedForOneOfTwoTravellersIsAnError()
    {
        var ticketed = Plan.Itinerary.Days.SelectMany(d => d.Items).First(i => IsSight(i) && i.Cost!.Amount > 0);
        var day = Plan.Itinerary.Days.ToList().FindIndex(d => d.Items.Contains(ticketed));
        AssertFails(WithItem(i => i == ticketed, i => i with { Cost = i.Cost! with { Amount = Math.Floor(i.Cost.Amount / 2) } }, day), ValidationCodes.TicketTravelers);
    }

    [Fact]
    public void ATicketedSightWithoutACostIsAnError() =>
        AssertFails(WithItem(i => IsSight(i) && i.Cost!.Amount > 0, i => i with { Cost = null }, Plan.Itinerary.Days.ToList().FindIndex(d => d.Items.Any(i => IsSight(i) && i.Cost!.Amount > 0))), ValidationCodes.MissingCost);

    [Fact]
    public void ANightWithoutLodgingIsAnError() =>
        AssertFails(WithDay(0, items => items.Where(i => i.Category != ItemCategory.Lodging)), ValidationCodes.LodgingMissing);

    [Fact]
    public void CostsInAnotherCurrencyWarnAndUnknownCurrenciesFail()
    {
        var report = PlanValidator.Validate(WithItem(IsSight, i => i with { Cost = new Money(i.Cost!.Amount * 2, "USD") }), Options);
        Assert.Contains(report.Issues, i => i.Code == ValidationCodes.CurrencyMismatch && i.Severity == ValidationSeverity.Warning);
        AssertFails(WithItem(IsSight, i => i with { Cost = new Money(10, "XXX") }), ValidationCodes.UnknownCurrency);
    }

    [Fact]
    public void NegativeCostsAreAnError() => AssertFails(WithItem(IsSight, i => i with { Cost = i.Cost! with { Amount = -1 } }), ValidationCodes.NegativeCost);

    [Fact]
    public void AFlightArrivingBeforeItLeavesIsAnError()
    {
        var at = new DateTimeOffset(TestData.Monday.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var flight = new ItineraryItem(new TimeOnly(6, 0), new TimeOnly(7, 0), "Flight", null, ItemCategory.Flight, null, new Money(0, "EUR"), null,
            Flight: new FlightDetails(null, null, "CDG", "LHR", at, at.AddHours(-1)));
        AssertFails(WithDay(0, items => items.Prepend(flight)), ValidationCodes.FlightTimes);
    }

    [Fact]
    public void ItemsBeforeAnOvernightFlightLandsAreAnError()
    {
        var departs = new DateTimeOffset(TestData.Monday.ToDateTime(new TimeOnly(20, 0)), TimeSpan.Zero);
        var flight = new ItineraryItem(new TimeOnly(20, 0), null, "Night flight", null, ItemCategory.Flight, null, new Money(0, "EUR"), null,
            Flight: new FlightDetails(null, null, "CDG", "JFK", departs, departs.AddHours(20)));
        var content = WithDay(0, items => items.Where(i => i.Start is null || i.End <= new TimeOnly(18, 0)).Append(flight));
        AssertFails(content, ValidationCodes.Overlap);
    }

    [Fact]
    public void ItemsListedOutOfTimeOrderAndUnknownPlaceIdsOnlyWarn()
    {
        var reversed = WithDay(1, items => items.Where(i => i.Start is not null).Reverse().Concat(items.Where(i => i.Start is null)));
        var report = PlanValidator.Validate(reversed, Options);
        Assert.True(report.IsValid, report.ToString());
        Assert.Contains(report.Issues, i => i.Code == ValidationCodes.ItemOrder && i.Severity == ValidationSeverity.Warning);
        var unknown = PlanValidator.Validate(WithItem(IsSight, i => i with { PlaceId = "atlantis-temple" }), Options);
        Assert.Contains(unknown.Issues, i => i.Code == ValidationCodes.UnknownPlace && i.Severity == ValidationSeverity.Warning);
    }
}
