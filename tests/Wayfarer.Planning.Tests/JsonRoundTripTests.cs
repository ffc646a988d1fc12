using System.Text.Json;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Planning.Offline;
using Wayfarer.Planning.Validation;

namespace Wayfarer.Planning.Tests;

/// <summary>Every step's input and output survives System.Text.Json with web defaults (what agents send as tool
/// arguments and results).</summary>
[Trait("Category", "Unit")]
public sealed class JsonRoundTripTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static void RoundTrips<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, Web);
        var back = JsonSerializer.Deserialize<T>(json, Web);
        Assert.NotNull(back);
        Assert.Equal(json, JsonSerializer.Serialize(back, Web));
    }

    [Fact]
    public void EveryStepTypeRoundTrips()
    {
        var planner = TestData.Planner;
        var request = TripRequest.Create(["Paris", "Rome"], TestData.Monday, TestData.Monday.AddDays(4), 2, origin: "London", currency: "EUR", budget: 9000, interests: ["art"]);
        var trip = planner.Resolve(request);
        var stays = planner.AllocateStays(trip);
        var legs = stays.Legs.Select(l => planner.EstimateLeg(l.From, l.To, l.Date, request, l.Kind)).ToList();
        var frames = planner.FrameDays(trip, stays, legs);
        var candidates = planner.FindCandidates(trip.Destinations[0], request, 2);
        var input = new DayPlanInput(frames[1].City, frames[1].Date, candidates, frames[1].ArrivalLeg, frames[1].DepartureLeg, frames[1].Lodging, request);
        var day = planner.PlanDay(input);
        var itinerary = new Itinerary([day.Day]);
        var result = planner.Plan(request);

        RoundTrips(request);
        RoundTrips(trip);
        RoundTrips(stays);
        RoundTrips(legs[0]);
        RoundTrips(frames);
        RoundTrips(candidates);
        RoundTrips(input);
        RoundTrips(day);
        RoundTrips(planner.ChooseLodging(stays.Stays[0], request));
        RoundTrips(planner.CheckBudget(request, itinerary));
        RoundTrips(planner.FitBudget(request, trip, result.Itinerary));
        RoundTrips(result);
        RoundTrips(PlanValidator.Validate(result.Content, ValidationOptions.For(request, TestData.Data)));
        RoundTrips(PlanRepairer.Repair(result.Content, ValidationOptions.For(request, TestData.Data)));
        RoundTrips(PlanReview.Review(result.Content, ValidationOptions.For(request, TestData.Data)));
    }

    [Fact]
    public void ARoundTrippedRequestPlansTheSame()
    {
        var request = TripRequest.Create(["Kyoto"], TestData.Monday, TestData.Monday.AddDays(2), 3, currency: "JPY");
        var back = JsonSerializer.Deserialize<TripRequest>(JsonSerializer.Serialize(request, Web), Web)!;
        Assert.Equal(JsonSerializer.Serialize(TestData.Planner.Plan(request), Web), JsonSerializer.Serialize(TestData.Planner.Plan(back), Web));
    }

    [Fact]
    public void AValidationReportKeepsItsVerdict()
    {
        var report = new ValidationReport([new ValidationIssue(ValidationCodes.Overlap, ValidationSeverity.Error, 1, 2, "x")]);
        var back = JsonSerializer.Deserialize<ValidationReport>(JsonSerializer.Serialize(report, Web), Web)!;
        Assert.False(back.IsValid);
        Assert.Equal(report.Issues[0], back.Issues[0]);
    }

    [Fact]
    public void AMinimalJsonRequestFromAToolCallPlansWithDefaults()
    {
        const string json = """{"destinations":["Lisbon"],"startDate":"2027-05-10","endDate":"2027-05-12","travelers":2,"currency":"eur"}""";
        var request = JsonSerializer.Deserialize<TripRequest>(json, Web)!;
        var result = TestData.Planner.Plan(request);
        Assert.True(result.Validation.IsValid, result.Validation.ToString());
        Assert.Equal("EUR", result.Budget.Currency);
        Assert.Contains(result.Itinerary.Days.SelectMany(d => d.Items), i => i.Start == new TimeOnly(9, 0));
    }
}
