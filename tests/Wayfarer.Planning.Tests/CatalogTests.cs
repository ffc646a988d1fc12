using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Tests;

[Trait("Category", "Unit")]
public sealed class CatalogTests
{
    private static GeoCatalog Geo => TestData.Data.Geo;

    [Theory]
    [InlineData("Paris")]
    [InlineData("paris")]
    [InlineData("paris, fr")]
    [InlineData("Paris, France")]
    [InlineData("  PARIS ,  FR ")]
    [InlineData("2988507")]
    public void ParisResolvesInEveryWrittenForm(string query) => Assert.Equal(2988507, Geo.ResolveCity(query)?.Id);

    [Fact]
    public void AccentsDoNotMatter()
    {
        Assert.Equal(3094802, Geo.ResolveCity("Kraków")?.Id);
        Assert.Equal(3094802, Geo.ResolveCity("Krakow")?.Id);
        Assert.Equal(3094802, Geo.ResolveCity("KRAKOW, Poland")?.Id);
    }

    [Fact]
    public void AmbiguousNamesGoToTheMostPopulousUnlessACountryIsGiven()
    {
        Assert.Equal("GB", Geo.ResolveCity("London")?.Country);
        Assert.Equal("CA", Geo.ResolveCity("London, CA")?.Country);
        Assert.Equal("CA", Geo.ResolveCity("London, Canada")?.Country);
        Assert.Equal("US", Geo.ResolveCity("Valencia, US")?.Country);
        Assert.Equal("ES", Geo.ResolveCity("Valencia, Spain")?.Country);
        var valencias = new[] { "ES", "VE", "US" }.Select(c => Geo.ResolveCity($"Valencia, {c}")!).ToList();
        Assert.Equal(valencias.MaxBy(c => c.Pop)!.Id, Geo.ResolveCity("Valencia")?.Id);
    }

    [Fact]
    public void NamesWithCommasResolve() => Assert.NotNull(Geo.ResolveCity("Washington, D.C."));

    [Fact]
    public void UnknownNamesGiveNullAndNearMissSuggestions()
    {
        Assert.Null(Geo.ResolveCity("Parris"));
        Assert.Null(Geo.ResolveCity("Xyzzyville"));
        Assert.Null(Geo.ResolveCity("Paris, JP"));
        Assert.Contains("Paris, FR", Geo.Suggest("Parris", 5));
        Assert.Contains("Barcelona, ES", Geo.Suggest("Barcelon", 5));
        Assert.Empty(Geo.Suggest("", 5));
    }

    [Fact]
    public void CuratedAirportsComeFirstAndOthersAreTheNearest()
    {
        var paris = Geo.ResolveCity("Paris")!;
        var curated = TestData.Data.Places.ByGeonameId(paris.Id)!.Airports;
        Assert.Equal(curated[0], Geo.AirportsFor(paris, curated)[0].Iata);
        var lyon = Geo.ResolveCity("Lyon")!;
        var airports = Geo.AirportsFor(lyon);
        Assert.NotEmpty(airports);
        Assert.All(airports, a => Assert.True(GeoMath.DistanceKm(lyon.Lat, lyon.Lon, a.Lat, a.Lon) <= 100));
    }

    [Fact]
    public void CountriesKnowTheirCurrency()
    {
        Assert.Equal("EUR", Geo.CurrencyOf("FR"));
        Assert.Equal("JPY", Geo.CurrencyOf("JP"));
        Assert.Equal("FR", Geo.CountryCode("France"));
        Assert.Equal("GB", Geo.CountryCode("UK"));
    }

    [Fact]
    public void ExchangeRatesConvertBothWaysAndRejectUnknownCurrencies()
    {
        var fx = TestData.Data.Fx;
        var eur = fx.FromUsd(100, "EUR");
        Assert.True(eur is > 50 and < 150);
        Assert.Equal(100m, Math.Round(fx.ToUsd(eur, "EUR"), 6));
        Assert.Equal(Math.Round(fx.Convert(100, "EUR", "JPY"), 4), Math.Round(fx.FromUsd(fx.ToUsd(100, "EUR"), "JPY"), 4));
        var e = Assert.Throws<PlanningException>(() => fx.FromUsd(1, "XXX"));
        Assert.Equal(PlanningErrorCodes.UnsupportedCurrency, e.Code);
    }

    [Fact]
    public void OpeningHoursParseRangesSplitDaysAndMidnight()
    {
        var hours = OpeningHours.Parse(new Dictionary<string, string?>
        {
            ["mon"] = "09:00-12:00, 14:00-18:00", ["tue"] = null, ["wed"] = "00:00-24:00", ["thu"] = "10:00-22:00",
            ["fri"] = "10:00-22:00", ["sat"] = "10:00-22:00", ["sun"] = "10:00-22:00",
        });
        Assert.True(hours.IsOpen(DayOfWeek.Monday, 9 * 60, 12 * 60));
        Assert.False(hours.IsOpen(DayOfWeek.Monday, 11 * 60, 15 * 60));
        Assert.False(hours.IsOpen(DayOfWeek.Tuesday, 10 * 60, 11 * 60));
        Assert.True(hours.IsOpen(DayOfWeek.Wednesday, 23 * 60, 24 * 60));
        Assert.Equal(14 * 60, hours.EarliestStart(DayOfWeek.Monday, 11 * 60, 120, 24 * 60));
        Assert.Null(hours.EarliestStart(DayOfWeek.Tuesday, 0, 30, 24 * 60));
    }

    [Theory]
    [InlineData("9-17")]
    [InlineData("18:00-09:00")]
    [InlineData("09:00-25:00")]
    [InlineData("09:60-10:00")]
    public void MalformedHoursAreRejected(string value) => Assert.Throws<FormatException>(() => OpeningHours.ParseDay(value));

    [Fact]
    public void DataLoadsFromStreamsWithoutTheEmbeddedFiles()
    {
        static MemoryStream S(string json) => new(System.Text.Encoding.UTF8.GetBytes(json));
        var data = PlanningData.FromStreams(
            S("""[{"id":1,"name":"Testville","ascii":"Testville","country":"TV","admin1":"01","lat":10,"lon":20,"pop":1000}]"""),
            S("""[{"iata":"TST","icao":"XTST","name":"Test Airport","city":"Testville","country":"TV","lat":10.1,"lon":20.1,"tz":"UTC"}]"""),
            S("""[{"code":"TV","name":"Testland","capital":"Testville","continent":"EU","currencies":["TVD"],"languages":["en"]}]"""),
            S("""{"asOf":"2026-11-01","perUsd":{"TVD":2}}"""),
            []);
        Assert.Equal(1, data.Geo.ResolveCity("testville, testland")?.Id);
        Assert.Equal("TST", data.Geo.AirportsFor(data.Geo.CityById(1)!)[0].Iata);
        Assert.Equal(20m, data.Fx.FromUsd(10, "TVD"));
        Assert.Empty(data.Places.Destinations);
    }

    [Fact]
    public void ABrokenPlacesFileIsSkippedAndReported()
    {
        static MemoryStream S(string json) => new(System.Text.Encoding.UTF8.GetBytes(json));
        var data = PlanningData.FromStreams(S("[]"), S("[]"), S("[]"), S("{}"),
            [new("broken", S("""{"slug":"broken","places":[{"id":"broken-x","hours":{"mon":"9-5"}}]}""")), new("empty", S("""{"slug":"empty","geonameId":1,"places":[]}"""))]);
        Assert.Single(data.LoadErrors);
        Assert.StartsWith("broken:", data.LoadErrors[0], StringComparison.Ordinal);
        Assert.Equal("empty", Assert.Single(data.Places.Destinations).Slug);
    }
}
