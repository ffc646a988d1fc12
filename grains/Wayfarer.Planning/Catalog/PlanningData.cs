using System.Reflection;
using System.Text.Json;

namespace Wayfarer.Planning.Catalog;

/// <summary>Everything the planner reads: the geographic catalogue and the curated places, loaded once.</summary>
/// <remarks>Immutable after construction, so one instance serves every thread.</remarks>
public sealed class PlanningData
{
    private const string ResourcePrefix = "Wayfarer.Planning.Data.";
    private static readonly Lazy<PlanningData> DefaultData = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    internal static readonly JsonSerializerOptions JsonOptions = CreateOptions();

    /// <summary>Creates the data from loaded parts.</summary>
    /// <param name="geo">Cities, airports, countries, rates.</param>
    /// <param name="places">Curated destinations.</param>
    /// <param name="loadErrors">Places files that could not be read (skipped).</param>
    public PlanningData(GeoCatalog geo, PlaceCatalog places, IReadOnlyList<string>? loadErrors = null)
    {
        Geo = geo ?? throw new ArgumentNullException(nameof(geo));
        Places = places ?? throw new ArgumentNullException(nameof(places));
        LoadErrors = loadErrors ?? [];
    }

    /// <summary>Places files that could not be read, with the reason; they are skipped so one bad file does not
    /// take the planner down (the data tests require this list to be empty).</summary>
    public IReadOnlyList<string> LoadErrors { get; }

    /// <summary>The data embedded in this assembly, loaded on first use.</summary>
    public static PlanningData Default => DefaultData.Value;

    /// <summary>Cities, airports, countries, exchange rates.</summary>
    public GeoCatalog Geo { get; }

    /// <summary>Curated destinations and places.</summary>
    public PlaceCatalog Places { get; }

    /// <summary>Exchange rates (same as <c>Geo.Fx</c>).</summary>
    public FxRates Fx => Geo.Fx;

    /// <summary>Loads from JSON streams in the data-file formats (the streams are read, not disposed).</summary>
    /// <param name="cities">cities.json.</param>
    /// <param name="airports">airports.json.</param>
    /// <param name="countries">countries.json.</param>
    /// <param name="fx">fx-usd.json.</param>
    /// <param name="places">places files by slug.</param>
    public static PlanningData FromStreams(Stream cities, Stream airports, Stream countries, Stream fx, IEnumerable<KeyValuePair<string, Stream>> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var cityList = JsonSerializer.Deserialize<List<City>>(cities, JsonOptions) ?? [];
        var airportList = JsonSerializer.Deserialize<List<Airport>>(airports, JsonOptions) ?? [];
        var countryList = (JsonSerializer.Deserialize<List<Country>>(countries, JsonOptions) ?? [])
            .Select(c => c with { Currencies = c.Currencies ?? [], Languages = c.Languages ?? [] })
            .ToList();
        var fxFile = JsonSerializer.Deserialize<FxFile>(fx, JsonOptions) ?? new FxFile();
        var rates = new FxRates(fxFile.PerUsd ?? [], fxFile.AsOf);
        var destinations = new List<Destination>();
        var errors = new List<string>();
        foreach (var (slug, stream) in places)
        {
            try
            {
                destinations.Add((JsonSerializer.Deserialize<DestinationFile>(stream, DestinationFile.Options) ?? throw new FormatException("empty file"))
                    .ToDestination(slug));
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                errors.Add($"{slug}: {e.Message}");
            }
        }

        return new PlanningData(new GeoCatalog(cityList, airportList, countryList, rates), new PlaceCatalog(destinations), errors);
    }

    /// <summary>Names of the places files embedded in this assembly (slugs).</summary>
    public static IReadOnlyList<string> EmbeddedPlaceSlugs() => typeof(PlanningData).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix + "places.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[(ResourcePrefix.Length + "places.".Length)..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    private static PlanningData LoadEmbedded()
    {
        var assembly = typeof(PlanningData).Assembly;
        using var cities = Open(assembly, "cities.json");
        using var airports = Open(assembly, "airports.json");
        using var countries = Open(assembly, "countries.json");
        using var fx = Open(assembly, "fx-usd.json");
        var streams = EmbeddedPlaceSlugs().Select(slug => new KeyValuePair<string, Stream>(slug, Open(assembly, $"places.{slug}.json"))).ToList();
        try
        {
            return FromStreams(cities, airports, countries, fx, streams);
        }
        finally
        {
            foreach (var stream in streams)
            {
                stream.Value.Dispose();
            }
        }
    }

    private static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(ResourcePrefix + name)
        ?? new MemoryStream(name.StartsWith("fx", StringComparison.Ordinal) ? "{}"u8.ToArray() : "[]"u8.ToArray());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new LenientStringConverter());
        return options;
    }
}
