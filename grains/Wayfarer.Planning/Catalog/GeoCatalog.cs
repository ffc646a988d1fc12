using System.Collections.Concurrent;
using System.Globalization;

namespace Wayfarer.Planning.Catalog;

/// <summary>Cities, airports, countries and exchange rates, with name resolution. Immutable and thread-safe.</summary>
public sealed class GeoCatalog
{
    private static readonly Dictionary<string, string> CountryAliases = new(StringComparer.Ordinal)
    {
        ["usa"] = "US", ["united states of america"] = "US", ["america"] = "US", ["uk"] = "GB", ["england"] = "GB",
        ["scotland"] = "GB", ["wales"] = "GB", ["great britain"] = "GB", ["britain"] = "GB", ["holland"] = "NL",
        ["czechia"] = "CZ", ["uae"] = "AE", ["south korea"] = "KR", ["korea"] = "KR", ["russia"] = "RU",
        ["vietnam"] = "VN", ["turkey"] = "TR", ["turkiye"] = "TR",
    };

    private readonly Dictionary<int, City> _byId;
    private readonly Dictionary<string, City[]> _byName;
    private readonly Dictionary<string, Country> _countries;
    private readonly Dictionary<string, string> _countryByName;
    private readonly Dictionary<string, Airport> _airports;
    private readonly Airport[] _airportList;
    private readonly ConcurrentDictionary<int, IReadOnlyList<Airport>> _nearestAirports = new();
    private readonly ConcurrentDictionary<int, string?> _timeZones = new();

    /// <summary>Builds the indexes.</summary>
    public GeoCatalog(IEnumerable<City> cities, IEnumerable<Airport> airports, IEnumerable<Country> countries, FxRates fx)
    {
        ArgumentNullException.ThrowIfNull(cities);
        ArgumentNullException.ThrowIfNull(airports);
        ArgumentNullException.ThrowIfNull(countries);
        Fx = fx ?? throw new ArgumentNullException(nameof(fx));
        _byId = new Dictionary<int, City>();
        var byName = new Dictionary<string, List<City>>(StringComparer.Ordinal);
        foreach (var city in cities)
        {
            if (!_byId.TryAdd(city.Id, city))
            {
                continue;
            }

            AddName(byName, TextKey.Fold(city.Name), city);
            var ascii = TextKey.Fold(city.Ascii);
            if (ascii.Length > 0 && ascii != TextKey.Fold(city.Name))
            {
                AddName(byName, ascii, city);
            }
        }

        _byName = byName.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(c => c.Pop).ThenBy(c => c.Id).ToArray(),
            StringComparer.Ordinal);
        _countries = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        _countryByName = new Dictionary<string, string>(CountryAliases, StringComparer.Ordinal);
        foreach (var country in countries)
        {
            _countries[country.Code] = country;
            _countryByName[TextKey.Fold(country.Name)] = country.Code.ToUpperInvariant();
        }

        _airports = new Dictionary<string, Airport>(StringComparer.OrdinalIgnoreCase);
        foreach (var airport in airports)
        {
            if (!string.IsNullOrWhiteSpace(airport.Iata) && airport.Iata.Length == 3)
            {
                _airports.TryAdd(airport.Iata, airport);
            }
        }

        _airportList = _airports.Values.OrderBy(a => a.Iata, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Exchange rates.</summary>
    public FxRates Fx { get; }

    /// <summary>Every city, in no particular order.</summary>
    public IEnumerable<City> Cities => _byId.Values;

    /// <summary>Number of cities.</summary>
    public int CityCount => _byId.Count;

    /// <summary>A city by GeoNames id.</summary>
    public City? CityById(int id) => _byId.GetValueOrDefault(id);

    /// <summary>An airport by IATA code.</summary>
    public Airport? AirportByIata(string iata) => _airports.GetValueOrDefault(iata);

    /// <summary>A country by ISO code.</summary>
    public Country? Country(string code) => _countries.GetValueOrDefault(code);

    /// <summary>Every country.</summary>
    public IEnumerable<Country> Countries => _countries.Values;

    /// <summary>The main currency of a country; USD when unknown.</summary>
    public string CurrencyOf(string countryCode) => Country(countryCode)?.MainCurrency ?? "USD";

    /// <summary>Resolves "Paris", "paris, fr", "Paris, France", "Kraków"/"Krakow", or a GeoNames id as text.
    /// Ambiguous names go to the most populous match; a country (code or name) or admin-1 qualifier after a comma
    /// narrows the choice. Null when unknown.</summary>
    public City? ResolveCity(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var trimmed = query.Trim();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return CityById(id);
        }

        var parts = trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        // Names may hold commas ("Washington, D.C."): the longest leading run of parts that is a name wins, and the
        // rest qualify it (country code or name, admin-1 code).
        for (var cut = parts.Length; cut >= 1; cut--)
        {
            var matches = Lookup(TextKey.Fold(string.Join(", ", parts[..cut])));
            if (matches.Length == 0)
            {
                continue;
            }

            foreach (var qualifier in parts[cut..])
            {
                var q = qualifier;
                matches = matches.Where(c => Matches(c, q)).ToArray();
            }

            if (matches.Length > 0)
            {
                return matches[0];
            }
        }

        if (parts.Length == 1)
        {
            // "Paris France" without a comma: try the last word(s) as a country.
            var words = TextKey.Fold(parts[0]).Split(' ');
            for (var cut = words.Length - 1; cut >= 1; cut--)
            {
                var country = CountryCode(string.Join(' ', words[cut..]));
                if (country is not null
                    && Lookup(string.Join(' ', words[..cut])).FirstOrDefault(c => c.Country.Equals(country, StringComparison.OrdinalIgnoreCase)) is { } city)
                {
                    return city;
                }
            }
        }

        return null;
    }

    /// <summary>Names close to a query that did not resolve: prefix matches and small spelling differences,
    /// most populous first, as "Name, CC".</summary>
    public IReadOnlyList<string> Suggest(string? query, int limit = 5)
    {
        var name = TextKey.Fold(query?.Split(',')[0]);
        if (name.Length == 0 || limit <= 0)
        {
            return [];
        }

        var maxEdits = name.Length <= 4 ? 1 : name.Length <= 8 ? 2 : 3;
        var scored = new List<(int Score, long Pop, City City)>();
        foreach (var (key, cities) in _byName)
        {
            int score;
            if (key.StartsWith(name, StringComparison.Ordinal))
            {
                score = 0;
            }
            else
            {
                var distance = TextKey.EditDistance(name, key, maxEdits);
                if (distance > maxEdits)
                {
                    continue;
                }

                score = distance;
            }

            scored.Add((score, cities[0].Pop, cities[0]));
        }

        return scored
            .OrderBy(s => s.Score).ThenByDescending(s => s.Pop).ThenBy(s => s.City.Id)
            .Select(s => $"{s.City.Name}, {s.City.Country}")
            .Distinct(StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>The airports serving a city: the curated codes that exist, else the nearest within
    /// <paramref name="maxKm"/> km (nearest first, at most two).</summary>
    public IReadOnlyList<Airport> AirportsFor(City city, IReadOnlyList<string>? curated = null, double maxKm = 100)
    {
        ArgumentNullException.ThrowIfNull(city);
        if (curated is { Count: > 0 })
        {
            var listed = curated.Select(AirportByIata).OfType<Airport>().ToList();
            if (listed.Count > 0)
            {
                return listed;
            }
        }

        return NearestAirports(city).Where(a => Distance(city, a) <= maxKm).Take(2).ToList();
    }

    /// <summary>The nearest airports to a city, nearest first (at most five within 400 km).</summary>
    public IReadOnlyList<Airport> NearestAirports(City city)
    {
        ArgumentNullException.ThrowIfNull(city);
        return _nearestAirports.GetOrAdd(city.Id, _ => _airportList
            .Select(a => (Airport: a, Km: Distance(city, a)))
            .Where(x => x.Km <= 400)
            .OrderBy(x => x.Km).ThenBy(x => x.Airport.Iata, StringComparer.Ordinal)
            .Take(5)
            .Select(x => x.Airport)
            .ToList());
    }

    /// <summary>The IANA time zone of a city, from its nearest airport with a zone within 400 km; null when unknown.</summary>
    public string? TimeZoneOf(City city)
    {
        ArgumentNullException.ThrowIfNull(city);
        return _timeZones.GetOrAdd(city.Id, _ => NearestAirports(city).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a.Tz) && a.Tz != "\\N")?.Tz);
    }

    /// <summary>Resolves a country code or name ("fr", "France", "UK") to its ISO code; null when unknown.</summary>
    public string? CountryCode(string? text)
    {
        var folded = TextKey.Fold(text);
        if (folded.Length == 2 && _countries.ContainsKey(folded))
        {
            return folded.ToUpperInvariant();
        }

        return _countryByName.GetValueOrDefault(folded);
    }

    private static double Distance(City city, Airport airport) => GeoMath.DistanceKm(city.Lat, city.Lon, airport.Lat, airport.Lon);

    private City[] Lookup(string name)
    {
        if (name.Length == 0)
        {
            return [];
        }

        if (_byName.TryGetValue(name, out var cities))
        {
            return cities;
        }

        return _byName.TryGetValue(name + " city", out cities) ? cities : [];
    }

    private bool Matches(City city, string qualifier)
    {
        var code = CountryCode(qualifier);
        if (code is not null && city.Country.Equals(code, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return city.Admin1 is not null && TextKey.Fold(city.Admin1) == TextKey.Fold(qualifier);
    }

    private static void AddName(Dictionary<string, List<City>> byName, string key, City city)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!byName.TryGetValue(key, out var list))
        {
            byName[key] = list = [];
        }

        list.Add(city);
    }
}
