using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Plans;

namespace Wayfarer.Grains.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class PlanDifferTests
{
    [Fact]
    public void IdenticalVersionsHaveNoChanges() => Assert.Empty(PlanDiffer.Diff(TestData.Plan(), TestData.Plan()));

    [Fact]
    public void ChangesAreReportedPerLeafWithJsonValues()
    {
        var before = TestData.Plan();
        var after = before with { Destinations = ["Lisbon", "Porto", "Faro"], Budget = null };

        var changes = PlanDiffer.Diff(before, after);

        Assert.Contains(new PlanChange("destinations[2]", ChangeKind.Added, null, "\"Faro\""), changes);
        Assert.Contains(new PlanChange("budget", ChangeKind.Removed, "{\"total\":2500,\"currency\":\"EUR\"}", null), changes);
    }

    [Fact]
    public void ARemovedItineraryItemIsReportedAtItsIndex()
    {
        var before = TestData.Plan();
        var day = before.Itinerary.Days[0];
        var after = before with { Itinerary = new Itinerary([day with { Items = [day.Items[1]] }]) };

        var changes = PlanDiffer.Diff(before, after);

        Assert.Contains(changes, c => c is { Path: "itinerary.days[0].items[1]", Kind: ChangeKind.Removed });
        Assert.Contains(changes, c => c is { Path: "itinerary.days[0].items[0].title", From: "\"Flight to Lisbon\"", To: "\"Alfama walk\"" });
    }
}
