using Wayfarer.Memory.Catalog;

namespace Wayfarer.Memory.Tests.Catalog;

[Trait("Category", "Unit")]
public sealed class PlaceMatcherTests
{
    private readonly PlaceMatcher _matcher = new(["Tokyo", "New York", "York", "Mexico City", "Sao Paulo"]);

    [Theory]
    [InlineData("temples and street food in Tokyo", "Tokyo")]
    [InlineData("cheap eats in new york", "New York")]
    [InlineData("pubs in York", "York")]
    [InlineData("tacos in MEXICO CITY", "Mexico City")]
    [InlineData("churrasco in São Paulo", "Sao Paulo")]
    [InlineData("beaches", null)]
    public void FindsTheLongestKnownCityNamedInTheText(string text, string? expected)
    {
        Assert.Equal(expected, _matcher.FindIn(text));
    }
}
