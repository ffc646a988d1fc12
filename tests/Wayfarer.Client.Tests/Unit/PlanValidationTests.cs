using Wayfarer.Client.Plans;
using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Client.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class PlanValidationTests
{
    [Fact]
    public void AValidRequestHasNoErrors()
    {
        var request = new PlanRequest("Trip", null, ["Rome"], new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 3), 2, new PlanBudget(10, "eur"), null,
            PlanStatus.Planning, new Itinerary([]));

        Assert.True(PlanValidation.Request(request, creating: true).IsValid);
    }

    [Theory]
    [InlineData("GBP", true)]
    [InlineData("gbp", true)]
    [InlineData("XXX", false)]
    [InlineData("", false)]
    public void CurrenciesMustBeIso4217(string currency, bool valid)
    {
        var request = new PlanRequest("Trip", null, null, null, null, null, new PlanBudget(1, currency), null, null, null);

        Assert.Equal(valid, PlanValidation.Request(request, creating: true).IsValid);
    }

    [Fact]
    public void EndBeforeStartIsAContentError()
    {
        var errors = new Wayfarer.Client.Infrastructure.ValidationErrors();
        var content = PlanMapping.ToNew(new PlanRequest("Trip", null, null, new DateOnly(2027, 1, 5), new DateOnly(2027, 1, 1), null, null, null, null, null));

        PlanValidation.Content(errors, content);

        Assert.False(errors.IsValid);
    }
}
