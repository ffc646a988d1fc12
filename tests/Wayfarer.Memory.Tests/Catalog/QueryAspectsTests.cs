using Wayfarer.Memory.Catalog;

namespace Wayfarer.Memory.Tests.Catalog;

[Trait("Category", "Unit")]
public sealed class QueryAspectsTests
{
    [Theory]
    [InlineData("temples and street food in Tokyo", new[] { "temples in Tokyo", "street food in Tokyo" })]
    [InlineData("museums, parks & markets near Paris", new[] { "museums near Paris", "parks near Paris", "markets near Paris" })]
    [InlineData("Zen rock garden in Kyoto", new[] { "Zen rock garden in Kyoto" })]
    [InlineData("sandwiches", new[] { "sandwiches" })]
    public void SplitsJoinedWishesAndCarriesThePlaceToEach(string query, string[] expected)
    {
        Assert.Equal(expected, QueryAspects.Split(query));
    }
}
