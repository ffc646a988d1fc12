using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Offline;

public sealed partial class OfflinePlanner
{
    /// <summary>The most days a trip may have.</summary>
    public const int MaxDays = 30;

    /// <summary>The most destinations a trip may have.</summary>
    public const int MaxDestinations = 6;

    /// <summary>Step 1: validates the request and resolves its origin and destinations. The trip carries the request
    /// with defaults filled in (<see cref="TripRequest.WithDefaults"/>); later steps take that one.</summary>
    /// <exception cref="PlanningException">Codes <c>invalid_request</c>, <c>too_many_destinations</c>,
    /// <c>trip_too_long</c>, <c>trip_too_short</c>, <c>unsupported_currency</c>, <c>unknown_city</c>.</exception>
    public ResolvedTrip Resolve(TripRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = request.WithDefaults();
        Validate(request);
        var notes = new List<string>();
        var destinations = new List<ResolvedCity>();
        foreach (var query in request.Destinations)
        {
            var city = ResolveCity(query);
            destinations.Add(city);
            if (!city.HasCuratedPlaces)
            {
                notes.Add($"No curated places for {city.Name} yet: its days suggest exploring the centre, with costs from {city.CostSource}.");
            }
        }

        var origin = string.IsNullOrWhiteSpace(request.Origin) ? null : ResolveCity(request.Origin);
        return new ResolvedTrip(request, origin, destinations, notes);
    }

    /// <summary>Resolves one city query ("Paris", "Paris, FR", a GeoNames id) with its airports, currency, time zone
    /// and cost profile.</summary>
    /// <exception cref="PlanningException"><c>unknown_city</c>, with near-miss suggestions.</exception>
    public ResolvedCity ResolveCity(string query)
    {
        var city = _data.Geo.ResolveCity(query)
            ?? throw new PlanningException(PlanningErrorCodes.UnknownCity, $"Unknown city '{query}'.", _data.Geo.Suggest(query, 5));
        return ToResolved(city);
    }

    /// <summary>The resolved form of a catalogue city.</summary>
    public ResolvedCity ToResolved(City city)
    {
        ArgumentNullException.ThrowIfNull(city);
        var destination = _data.Places.ByGeonameId(city.Id);
        var airports = _data.Geo.AirportsFor(city, destination?.Airports).Select(a => a.Iata).ToList();
        if (airports.Count == 0)
        {
            airports = _data.Geo.NearestAirports(city).Take(1).Select(a => a.Iata).ToList();
        }

        CityCosts costs;
        string source;
        if (destination is not null)
        {
            (costs, source) = (destination.Costs, "curated");
        }
        else
        {
            var nearest = _data.Places.Destinations
                .Where(d => d.Country.Equals(city.Country, StringComparison.OrdinalIgnoreCase) && _data.Geo.CityById(d.GeonameId) is not null)
                .Select(d => (Destination: d, Km: Distance(city, _data.Geo.CityById(d.GeonameId)!)))
                .Where(x => x.Km <= _options.CostProfileRadiusKm)
                .OrderBy(x => x.Km).ThenBy(x => x.Destination.Slug, StringComparer.Ordinal)
                .FirstOrDefault();
            (costs, source) = nearest.Destination is { } d ? (d.Costs, $"nearby {d.City}") : (CityCosts.GlobalDefault, "a global default");
        }

        var currency = destination?.Currency ?? _data.Geo.CurrencyOf(city.Country);
        return new ResolvedCity(city.Id, city.Name, city.Country.ToUpperInvariant(), city.Lat, city.Lon, currency, airports, costs,
            destination is { Places.Count: > 0 }, _data.Geo.TimeZoneOf(city), source);
    }

    private static double Distance(City a, City b) => GeoMath.DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon);

    private void Validate(TripRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Destinations is null || request.Destinations.Count == 0 || request.Destinations.Any(string.IsNullOrWhiteSpace))
        {
            throw new PlanningException(PlanningErrorCodes.InvalidRequest, "At least one destination is needed, and none may be blank.");
        }

        if (request.Destinations.Count > MaxDestinations)
        {
            throw new PlanningException(PlanningErrorCodes.TooManyDestinations,
                $"A trip may have at most {MaxDestinations} destinations; this one has {request.Destinations.Count}.", request.Destinations.Take(MaxDestinations).ToList());
        }

        if (request.EndDate < request.StartDate)
        {
            throw new PlanningException(PlanningErrorCodes.InvalidRequest, "The end date is before the start date.");
        }

        if (request.Days > MaxDays)
        {
            throw new PlanningException(PlanningErrorCodes.TripTooLong, $"A trip may last at most {MaxDays} days; this one has {request.Days}.");
        }

        if (request.Days < request.Destinations.Count)
        {
            throw new PlanningException(PlanningErrorCodes.TripTooShort,
                $"{request.Destinations.Count} destinations need at least {request.Destinations.Count} days; this trip has {request.Days}.");
        }

        if (request.Travelers is < 1 or > 50)
        {
            throw new PlanningException(PlanningErrorCodes.InvalidRequest, "Travellers must be between 1 and 50.");
        }

        if (string.IsNullOrWhiteSpace(request.Currency) || !_data.Fx.Supports(request.Currency))
        {
            throw new PlanningException(PlanningErrorCodes.UnsupportedCurrency, $"Currency '{request.Currency}' is not supported.", _data.Fx.Currencies);
        }

        if (request.Budget is < 0 || request.DailyBudget is < 0)
        {
            throw new PlanningException(PlanningErrorCodes.InvalidRequest, "Budgets may not be negative.");
        }

        if (request.DayEnd.ToTimeSpan() - request.DayStart.ToTimeSpan() < TimeSpan.FromHours(4))
        {
            throw new PlanningException(PlanningErrorCodes.InvalidRequest, "The day window must be at least four hours long.");
        }

        if (request.Interests is null || request.DietaryNeeds is null || request.PreferredTransport is null)
        {
            throw new PlanningException(PlanningErrorCodes.InvalidRequest, "Interests, dietary needs and preferred transport must be lists (possibly empty).");
        }
    }
}
