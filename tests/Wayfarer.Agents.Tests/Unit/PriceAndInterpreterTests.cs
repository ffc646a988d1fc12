using Microsoft.Extensions.Options;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Grains.Agents;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Agents.Orchestration;
using Wayfarer.Planning.Catalog;

namespace Wayfarer.Agents.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class PriceAndInterpreterTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly MessageInterpreter Interpreter = new(PlanningData.Default);

    [Fact]
    public void PricesComeFromConfigurationThenTheBuiltInTableThenTheDefault()
    {
        var table = new PriceTable(Options.Create(new ModelOptions { Prices = [new ModelPrice { Model = "llama3", InputPerMillionUsd = 0, OutputPerMillionUsd = 0 }] }));

        Assert.Equal(0.00015m + 0.0006m, table.Cost("gpt-4o-mini", 1000, 1000));
        Assert.Equal(0.0025m + 0.01m, table.Cost("gpt-4o-2024-08-06", 1000, 1000));
        Assert.Equal(0m, table.Cost("llama3", 1_000_000, 1_000_000));
        Assert.Equal(5m + 15m, table.Cost("some-unknown-model", 1_000_000, 1_000_000));
        Assert.Equal(0.000001m, table.Cost("gpt-4o-mini", 1, 0));
    }

    [Fact]
    public void AMessageIsReadIntoTripFields()
    {
        var result = Interpreter.Interpret("5 days in Barcelona and Madrid from London starting 2027-03-01 for 2 people, budget €3,500, museums and tapas, packed days",
            Empty, null, RunKind.Chat, Today);

        var trip = result.Trip!;
        Assert.Equal(["Barcelona", "Madrid"], trip.Destinations);
        Assert.Equal("London", trip.Origin);
        Assert.Equal((new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5)), (trip.StartDate, trip.EndDate));
        Assert.Equal(2, trip.Travelers);
        Assert.Equal((3500m, "EUR"), (trip.Budget, trip.Currency));
        Assert.Contains("art", trip.Interests);
        Assert.Equal(TravelPace.Packed, trip.Pace);
        Assert.True(result.Replan);
    }

    [Fact]
    public void AQuestionAboutAnExistingPlanDoesNotReplanAndMissingFieldsAreAskedFor()
    {
        var planned = Empty with { Destinations = ["Rome"], StartDate = Today.AddDays(10), EndDate = Today.AddDays(12), Itinerary = new Itinerary([new ItineraryDay(Today.AddDays(10), [])]) };

        Assert.False(Interpreter.Interpret("How much will it cost?", planned, null, RunKind.Chat, Today).Replan);
        var missing = Interpreter.Interpret("Make me a plan", Empty, null, RunKind.Chat, Today);
        Assert.Null(missing.Trip);
        Assert.NotEmpty(missing.Missing);
        var unknownCurrency = Interpreter.Interpret("3 days in Rome, budget 900 FOR us", Empty, null, RunKind.Chat, Today).Trip!;
        Assert.Equal("USD", unknownCurrency.Currency);

        // Nonsense numbers are ignored, never a crash.
        var nonsense = Interpreter.Interpret("3 days in Rome from 2027-13-45, budget 99999999999999999999999999999k", Empty, null, RunKind.Chat, Today).Trip!;
        Assert.Null(nonsense.Budget);
        Assert.Equal(Today.AddDays(30), nonsense.StartDate);
    }

    private static PlanContent Empty => new("t", null, [], null, null, 1, null, TravelPreferences.Default, PlanStatus.Draft, Itinerary.Empty);
}
