using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Wayfarer.Planning.Offline;

namespace Wayfarer.Planning.Tests;

[Trait("Category", "Unit")]
public sealed class TelemetryTests
{
    [Fact]
    public void EveryPlanIsCountedByOutcome()
    {
        var outcomes = new ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PlannerTelemetry.Name && instrument.Name == "wayfarer.planning.plans")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcomes.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();
        TestData.Planner.Plan(TripRequest.Create(["Vienna"], TestData.Monday, TestData.Monday));
        Assert.Throws<PlanningException>(() => TestData.Planner.Plan(TripRequest.Create(["Nowhereville"], TestData.Monday, TestData.Monday)));
        Assert.Contains("ok", outcomes);
        Assert.Contains(PlanningErrorCodes.UnknownCity, outcomes);
    }
}
