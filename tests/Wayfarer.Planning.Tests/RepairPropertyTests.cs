using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Planning.Validation;

namespace Wayfarer.Planning.Tests;

[Trait("Category", "Unit")]
public sealed class RepairPropertyTests
{
    private static readonly string[] Cities = ["Paris", "Rome", "Tokyo", "New York City", "Barcelona", "Istanbul", "Bangkok", "Lisbon", "Prague", "Sydney"];

    [Fact]
    public void ValidPlansBrokenAtRandomAreRepairedIntoValidPlans()
    {
        const int seed = 7321;
        var random = new Random(seed);
        var failures = new List<string>();
        var brokenCount = 0;
        for (var run = 0; run < 100; run++)
        {
            var start = new DateOnly(2027, 1, 4).AddDays(random.Next(300));
            var request = TripRequest.Create([Cities[random.Next(Cities.Length)]], start, start.AddDays(random.Next(1, 5)), random.Next(1, 5),
                currency: random.Next(2) == 0 ? "USD" : "EUR", pace: (GrainInterfaces.Users.TravelPace)random.Next(3));
            var plan = TestData.Planner.Plan(request).Content;
            var options = ValidationOptions.For(request, TestData.Data);
            var (broken, what) = Break(plan, random);
            brokenCount += PlanValidator.Validate(broken, options).IsValid ? 0 : 1;
            try
            {
                var result = PlanRepairer.Repair(broken, options);
                if (!result.Remaining.IsValid)
                {
                    failures.Add($"run {run} (seed {seed}): {TestData.Describe(request)}; broken by {what}\n{result.Remaining}\nchanges: {string.Join("; ", result.Changes)}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"run {run} (seed {seed}): {TestData.Describe(request)}; broken by {what}\n{e}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of 100 failed:\n" + string.Join("\n\n", failures.Take(5)));
        Assert.True(brokenCount >= 50, $"only {brokenCount} of 100 perturbed plans were invalid before repair");
    }

    private static (PlanContent Plan, string What) Break(PlanContent plan, Random random)
    {
        var what = new List<string>();
        var days = plan.Itinerary.Days.Select(d => d.Items.ToList()).ToList();
        for (var k = random.Next(1, 4); k > 0; k--)
        {
            var d = random.Next(days.Count);
            var movable = days[d].Select((item, index) => (item, index)).Where(x => x.item.Category is ItemCategory.Activity or ItemCategory.Dining && x.item.Start is not null).ToList();
            switch (random.Next(4))
            {
                case 0 when movable.Count > 0:
                    var (item, index) = movable[random.Next(movable.Count)];
                    var shift = random.Next(-180, 181);
                    var length = (int)(item.End!.Value - item.Start!.Value).TotalMinutes;
                    var newStart = Math.Clamp(Minutes(item.Start.Value) + shift, 0, 1439 - length);
                    days[d][index] = item with { Start = At(newStart), End = At(newStart + length) };
                    what.Add($"day {d}: {item.Title} shifted {shift} min");
                    break;
                case 1 when movable.Count > 0:
                    var (other, at) = movable[random.Next(movable.Count)];
                    var startAt = random.Next(6 * 60, 22 * 60) / 5 * 5;
                    var duration = (int)(other.End!.Value - other.Start!.Value).TotalMinutes;
                    days[d][at] = other with { Start = At(Math.Min(startAt, 1439 - duration)), End = At(Math.Min(startAt, 1439 - duration) + duration) };
                    what.Add($"day {d}: {other.Title} moved to {At(startAt):HH:mm}");
                    break;
                case 2:
                    days[d] = days[d].Select(i => i.PlaceId is not null ? i with { Cost = null } : i).ToList();
                    what.Add($"day {d}: ticket prices removed");
                    break;
                default:
                    var total = days.SelectMany(x => x).Sum(i => i.Cost?.Amount ?? 0);
                    var tickets = days.SelectMany(x => x).Where(i => i.Category == ItemCategory.Activity).Sum(i => i.Cost?.Amount ?? 0);
                    plan = plan with { Budget = new PlanBudget(total - Math.Floor(tickets / 2), plan.Budget?.Currency ?? days.SelectMany(x => x).First(i => i.Cost is not null).Cost!.Currency) };
                    what.Add($"budget cut to {plan.Budget.Total}");
                    break;
            }
        }

        return (plan with { Itinerary = new Itinerary(plan.Itinerary.Days.Select((day, i) => day with { Items = days[i] }).ToList()) }, string.Join(", ", what));
    }

    private static int Minutes(TimeOnly t) => (t.Hour * 60) + t.Minute;

    private static TimeOnly At(int minutes) => new(minutes / 60, minutes % 60);
}
