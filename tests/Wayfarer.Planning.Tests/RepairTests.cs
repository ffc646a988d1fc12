using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Planning.Validation;

namespace Wayfarer.Planning.Tests;

[Trait("Category", "Unit")]
public sealed class RepairTests
{
    private static readonly TripRequest Request =
        TripRequest.Create(["Rome"], TestData.Monday, TestData.Monday.AddDays(2), 2, budget: 4000, currency: "EUR");

    private static readonly Lazy<PlanContent> Valid = new(() => TestData.Planner.Plan(Request).Content);

    private static ValidationOptions Options => ValidationOptions.For(Request, TestData.Data);

    private static PlanContent WithDay(int index, Func<List<ItineraryItem>, IEnumerable<ItineraryItem>> change) =>
        Valid.Value with { Itinerary = new Itinerary(Valid.Value.Itinerary.Days.Select((d, i) => i == index ? d with { Items = change(d.Items.ToList()).ToList() } : d).ToList()) };

    private static bool IsSight(ItineraryItem i) => i.Category == ItemCategory.Activity && i.PlaceId is not null;

    [Fact]
    public void OverlappingItemsAreShiftedApart()
    {
        var broken = WithDay(1, items =>
        {
            var sights = items.Where(IsSight).ToList();
            var index = items.IndexOf(sights[1]);
            items[index] = sights[1] with { Start = sights[0].Start, End = sights[0].Start!.Value.AddMinutes((int)(sights[1].End!.Value - sights[1].Start!.Value).TotalMinutes) };
            return items;
        });
        Assert.False(PlanValidator.Validate(broken, Options).IsValid);
        var result = PlanRepairer.Repair(broken, Options);
        Assert.True(result.Remaining.IsValid, result.Remaining.ToString());
        Assert.Contains(result.Changes, c => c.Contains("moved", StringComparison.Ordinal) || c.Contains("dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void ASightAtAClosedHourIsMovedIntoItsHoursOrDroppedWithAReason()
    {
        var place = TestData.Data.Places.ByGeonameId(3169070)!.Places.First(p => p.Hours.On(TestData.Monday.DayOfWeek).Count > 0 && p.Hours.On(TestData.Monday.DayOfWeek)[0].Open >= 8 * 60);
        var early = new ItineraryItem(new TimeOnly(9, 0), new TimeOnly(9, 30), place.Name, place.Id, ItemCategory.Activity, null, null, null);
        var broken = WithDay(0, items => items.Where(i => i.Start is null).Prepend(early with { Start = new TimeOnly(6, 0), End = new TimeOnly(6, 30) }));
        var result = PlanRepairer.Repair(broken, Options);
        Assert.True(result.Remaining.IsValid, result.Remaining.ToString());
        var kept = result.Repaired.Itinerary.Days[0].Items.FirstOrDefault(i => i.PlaceId == place.Id);
        if (kept is null)
        {
            Assert.Contains(result.Changes, c => c.Contains($"dropped {place.Name}", StringComparison.Ordinal));
        }
        else
        {
            Assert.True(place.Hours.IsOpen(TestData.Monday.DayOfWeek, kept.Start!.Value.Hour * 60 + kept.Start.Value.Minute, kept.End!.Value.Hour * 60 + kept.End.Value.Minute));
            Assert.NotNull(kept.Cost);
        }
    }

    [Fact]
    public void MissingAndUnderpricedTicketsAreFilledFromTheCatalogue()
    {
        var broken = WithDay(1, items => items.Select(i => IsSight(i) ? i with { Cost = null } : i));
        var result = PlanRepairer.Repair(broken, Options);
        Assert.True(result.Remaining.IsValid, result.Remaining.ToString());
        Assert.All(result.Repaired.Itinerary.Days[1].Items.Where(IsSight), i => Assert.NotNull(i.Cost));
        Assert.Contains(result.Changes, c => c.Contains("filled the cost", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePriciestSightsAreDroppedToMeetTheBudget()
    {
        var total = Valid.Value.Itinerary.Days.SelectMany(d => d.Items).Sum(i => i.Cost?.Amount ?? 0);
        var tickets = Valid.Value.Itinerary.Days.SelectMany(d => d.Items).Where(IsSight).Sum(i => i.Cost!.Amount);
        var broken = Valid.Value with { Budget = new PlanBudget(total - (tickets / 2), "EUR") };
        var result = PlanRepairer.Repair(broken, Options);
        Assert.True(result.Remaining.IsValid, result.Remaining.ToString());
        Assert.Contains(result.Changes, c => c.Contains("to meet the budget", StringComparison.Ordinal));
    }

    [Fact]
    public void DaysAreSortedDeduplicatedAndCompleted()
    {
        var days = Valid.Value.Itinerary.Days;
        var broken = Valid.Value with { Itinerary = new Itinerary([days[2], days[0], new ItineraryDay(days[0].Date.AddDays(-5), [])]) };
        var result = PlanRepairer.Repair(broken, Options);
        Assert.Equal(days.Select(d => d.Date), result.Repaired.Itinerary.Days.Select(d => d.Date));
        Assert.Contains(result.Changes, c => c.Contains("outside the trip's dates", StringComparison.Ordinal));
        Assert.False(result.Remaining.IsValid, "the filled-in day has no lodging, which repair cannot invent");
        Assert.Contains(result.Remaining.Errors, e => e.Code == ValidationCodes.LodgingMissing);
    }

    [Fact]
    public void AReviewAcceptsRepairsOrRejects()
    {
        Assert.Equal(PlanDecision.Accepted, PlanReview.Review(Valid.Value, Options).Decision);
        var fixable = WithDay(1, items => items.Select(i => IsSight(i) ? i with { Cost = null } : i));
        Assert.Equal(PlanDecision.Repaired, PlanReview.Review(fixable, Options).Decision);
        var hopeless = WithDay(0, items => items.Where(i => i.Category != ItemCategory.Lodging));
        var review = PlanReview.Review(hopeless, Options);
        Assert.Equal(PlanDecision.Rejected, review.Decision);
        Assert.Contains(review.Report.Errors, e => e.Code == ValidationCodes.LodgingMissing);
    }

    [Fact]
    public void ModelOutputWithNullsIsJudgedNotThrownOn()
    {
        const string json = """
            {"title":null,"destinations":null,"startDate":"2027-05-10","endDate":"2027-05-11","travelerCount":2,
             "budget":{"total":500,"currency":"EUR"},"status":0,
             "itinerary":{"days":[{"date":"2027-05-10","items":null},
               {"date":"2027-05-11","items":[{"start":"10:00:00","end":"09:00:00","title":null,"placeId":"rome-colosseum","category":0}]}]}}
            """;
        var content = System.Text.Json.JsonSerializer.Deserialize<PlanContent>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        var review = PlanReview.Review(content, Options);
        Assert.NotEqual(PlanDecision.Accepted, review.Decision);
        Assert.Contains(PlanValidator.Validate(content, Options).Errors, e => e.Code == ValidationCodes.TimeOrder);
    }
}
