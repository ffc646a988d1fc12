using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Tests;

/// <summary>The embedded data files obey SCHEMA.md and agree with each other.</summary>
[Trait("Category", "Unit")]
public sealed class DataTests
{
    private static IReadOnlyList<Destination> Destinations => TestData.Data.Places.Destinations;

    [Fact]
    public void EveryPlacesFileLoads() => Assert.True(TestData.Data.LoadErrors.Count == 0, string.Join("\n", TestData.Data.LoadErrors));

    [Fact]
    public void EveryEmbeddedPlacesFileBecomesADestinationNamedAfterItsSlug()
    {
        Assert.Equal(PlanningData.EmbeddedPlaceSlugs(), Destinations.Select(d => d.Slug).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheCatalogueHasAtLeastSixtyDestinations() =>
        Assert.True(Destinations.Count >= 60, $"{Destinations.Count} destinations: {string.Join(", ", Destinations.Select(d => d.Slug))}");

    [Fact]
    public void EveryDestinationNamesAGeoNamesCityOfItsCountry()
    {
        var problems = Destinations
            .Where(d => TestData.Data.Geo.CityById(d.GeonameId) is not { } city || !city.Country.Equals(d.Country, StringComparison.OrdinalIgnoreCase))
            .Select(d => $"{d.Slug}: geonameId {d.GeonameId} ({d.Country})")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryPlaceLiesWithinSixtyKilometresOfItsCity()
    {
        var problems = new List<string>();
        foreach (var d in Destinations)
        {
            if (TestData.Data.Geo.CityById(d.GeonameId) is not { } city)
            {
                continue;
            }

            problems.AddRange(d.Places
                .Select(p => (Place: p, Km: GeoMath.DistanceKm(city.Lat, city.Lon, p.Lat, p.Lon)))
                .Where(x => x.Km > 60)
                .Select(x => $"{x.Place.Id}: {x.Km:0} km from {city.Name}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryPlaceHasSaneHoursAndAVisitThatFitsThem()
    {
        var problems = new List<string>();
        foreach (var p in Destinations.SelectMany(d => d.Places))
        {
            var openDays = p.Hours.Week.Where(day => day.Count > 0).ToList();
            if (openDays.Count == 0)
            {
                problems.Add($"{p.Id}: never open");
            }

            if (p.Hours.Week.SelectMany(day => day).Any(r => r.Open < 0 || r.Close > 1440 || r.Close <= r.Open))
            {
                problems.Add($"{p.Id}: a range closes before it opens");
            }

            if (p.DurationMinutes is < 30 or > 480)
            {
                problems.Add($"{p.Id}: duration {p.DurationMinutes} outside 30..480");
            }

            if (p.DurationMinutes > p.Hours.LongestRange)
            {
                problems.Add($"{p.Id}: a {p.DurationMinutes}-minute visit fits no opening range (longest {p.Hours.LongestRange})");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void PlaceIdsAreUniqueAcrossAllFilesAndStartWithTheSlug()
    {
        var all = Destinations.SelectMany(d => d.Places.Select(p => (d.Slug, p.Id))).ToList();
        var duplicates = all.GroupBy(x => x.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "duplicate ids: " + string.Join(", ", duplicates));
        var misnamed = all.Where(x => !x.Id.StartsWith(x.Slug + "-", StringComparison.Ordinal)).Select(x => x.Id).ToList();
        Assert.True(misnamed.Count == 0, "ids without their slug: " + string.Join(", ", misnamed));
        Assert.Equal(all.Count, TestData.Data.Places.PlaceCount);
    }

    [Fact]
    public void EveryDestinationMeetsTheSchemaMinimums()
    {
        var problems = new List<string>();
        foreach (var d in Destinations)
        {
            if (d.Places.Count < 16)
            {
                problems.Add($"{d.Slug}: {d.Places.Count} places (< 16)");
            }

            if (d.Places.Select(p => p.Area).Distinct().Count() < 3)
            {
                problems.Add($"{d.Slug}: fewer than 3 areas");
            }

            if (d.Places.Count(p => p.TicketUsd == 0) < 3)
            {
                problems.Add($"{d.Slug}: fewer than 3 free places");
            }

            if (d.Places.Count(p => p.Category is "food" or "market") < 2)
            {
                problems.Add($"{d.Slug}: fewer than 2 food or market places");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TicketPricesAgreeWithPriceLevels()
    {
        var categories = new HashSet<string>(["museum", "landmark", "historic_site", "religious", "park", "viewpoint", "market", "neighbourhood",
            "beach", "nature", "food", "nightlife", "shopping", "entertainment", "architecture"]);
        var problems = new List<string>();
        foreach (var p in Destinations.SelectMany(d => d.Places))
        {
            var ok = p.PriceLevel switch
            {
                0 => p.TicketUsd == 0,
                1 => p.TicketUsd is > 0 and <= 10,
                2 => p.TicketUsd is >= 10 and <= 30,
                3 => p.TicketUsd is >= 30 and <= 80,
                4 => p.TicketUsd >= 80,
                _ => false,
            };
            if (!ok)
            {
                problems.Add($"{p.Id}: level {p.PriceLevel} with ticket {p.TicketUsd} USD");
            }

            if (!categories.Contains(p.Category))
            {
                problems.Add($"{p.Id}: unknown category {p.Category}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryCuratedAirportExistsAndServesItsCity()
    {
        var problems = new List<string>();
        foreach (var d in Destinations)
        {
            if (d.Airports.Count == 0)
            {
                problems.Add($"{d.Slug}: no airports");
            }

            foreach (var code in d.Airports)
            {
                var airport = TestData.Data.Geo.AirportByIata(code);
                var city = TestData.Data.Geo.CityById(d.GeonameId);
                if (airport is null)
                {
                    problems.Add($"{d.Slug}: airport {code} not in airports.json");
                }
                else if (city is not null && GeoMath.DistanceKm(city.Lat, city.Lon, airport.Lat, airport.Lon) > 150)
                {
                    problems.Add($"{d.Slug}: airport {code} is more than 150 km away");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ExchangeRatesCoverEveryDestinationCurrencyAndCountry()
    {
        var missing = Destinations.Select(d => d.Currency).Distinct().Where(c => !TestData.Data.Fx.Supports(c)).ToList();
        Assert.True(missing.Count == 0, "no rate for: " + string.Join(", ", missing));
        Assert.All(Destinations, d => Assert.NotNull(TestData.Data.Geo.Country(d.Country)));
        Assert.All(Destinations, d => Assert.True(d.Costs.LodgingPerNight.Budget > 0 && d.Costs.LodgingPerNight.Budget <= d.Costs.LodgingPerNight.Moderate
            && d.Costs.LodgingPerNight.Moderate <= d.Costs.LodgingPerNight.Luxury, $"{d.Slug}: lodging prices not ordered"));
    }
}
