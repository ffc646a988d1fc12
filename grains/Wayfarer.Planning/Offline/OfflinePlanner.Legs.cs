using Wayfarer.GrainInterfaces.Plans;
using System.Collections.Concurrent;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Offline;

public sealed partial class OfflinePlanner
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    // Door departures tried, most preferred first, per kind of leg (minutes after local midnight).
    private static readonly int[] OutboundStarts = Times(8 * 60, 7 * 60 + 30, 8 * 60 + 30, 7 * 60, 9 * 60, 6 * 60 + 30, 9 * 60 + 30, 6 * 60, 10 * 60, 11 * 60, 12 * 60, 13 * 60, 14 * 60, 15 * 60, 16 * 60, 17 * 60, 18 * 60, 19 * 60, 20 * 60, 21 * 60, 22 * 60);
    private static readonly int[] OnwardStarts = Times(9 * 60 + 30, 9 * 60, 10 * 60, 8 * 60 + 30, 10 * 60 + 30, 8 * 60, 11 * 60, 7 * 60 + 30, 12 * 60, 7 * 60, 13 * 60, 6 * 60 + 30, 6 * 60, 14 * 60, 15 * 60, 16 * 60, 17 * 60, 18 * 60, 19 * 60, 20 * 60, 21 * 60, 22 * 60);
    private static readonly int[] ReturnStarts = Times(17 * 60, 16 * 60 + 30, 17 * 60 + 30, 16 * 60, 18 * 60, 15 * 60, 14 * 60, 13 * 60, 12 * 60, 11 * 60, 10 * 60, 9 * 60, 8 * 60, 7 * 60, 6 * 60, 19 * 60, 20 * 60, 21 * 60, 22 * 60);

    /// <summary>Step 3: estimates the journey between two cities on a date (an onward leg).</summary>
    public TransportLeg EstimateLeg(ResolvedCity from, ResolvedCity to, DateOnly date, TripRequest request) =>
        EstimateLeg(from, to, date, request, LegKind.Onward);

    /// <summary>Step 3: estimates the journey between two cities on a date. Flights connect airports and include
    /// check-in, baggage and transfers; ground transport (train, bus, car, ferry) is chosen by distance and preference.
    /// Departure is picked so the traveller arrives the same day before 22:00 when possible; long-haul flights arrive
    /// during the day, possibly on a later date.</summary>
    public TransportLeg EstimateLeg(ResolvedCity from, ResolvedCity to, DateOnly date, TripRequest request, LegKind kind) =>
        EstimateLeg(from, to, date, request, kind, null);

    /// <summary>Step 3 with a constraint: the journey leaves no earlier than <paramref name="notBefore"/> (the
    /// previous leg's arrival plus an hour, when two legs share a day).</summary>
    public TransportLeg EstimateLeg(ResolvedCity from, ResolvedCity to, DateOnly date, TripRequest request, LegKind kind, DateTimeOffset? notBefore)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(request);
        var km = GeoMath.DistanceKm(from.Lat, from.Lon, to.Lat, to.Lon);
        var mode = ChooseMode(from, to, km, request);
        var notes = new List<string>();
        int before, service, after;
        decimal perPerson;
        decimal total;
        string? fromAirport = null, toAirport = null;
        var level = request.BudgetLevel;
        if (mode == TransportMode.Flight)
        {
            fromAirport = from.Airports[0];
            toAirport = to.Airports[0];
            var a1 = _data.Geo.AirportByIata(fromAirport)!;
            var a2 = _data.Geo.AirportByIata(toAirport)!;
            var airKm = GeoMath.DistanceKm(a1.Lat, a1.Lon, a2.Lat, a2.Lon);
            var international = !from.Country.Equals(to.Country, StringComparison.OrdinalIgnoreCase);
            var toAirportMinutes = TravelEstimator.RoundUp(20 + (GeoMath.DistanceKm(from.Lat, from.Lon, a1.Lat, a1.Lon) / 40 * 60));
            var fromAirportMinutes = TravelEstimator.RoundUp(20 + (GeoMath.DistanceKm(to.Lat, to.Lon, a2.Lat, a2.Lon) / 40 * 60));
            before = toAirportMinutes + (international ? 120 : 90);
            service = TravelEstimator.RoundUp(30 + (airKm / 800 * 60));
            after = fromAirportMinutes + (international ? 45 : 30);
            var economy = airKm < 1500 ? 60 + (0.11m * (decimal)airKm) : 150 + (0.08m * (decimal)airKm);
            perPerson = Math.Round(economy * (level switch { BudgetLevel.Budget => 0.85m, BudgetLevel.Luxury => 2.5m, _ => 1m }));
            total = perPerson * request.Travelers;
            notes.Add($"Flight {fromAirport}→{toAirport} ({airKm:0} km): estimated fare and times, not a timetable; door to door includes {before} min before and {after} min after the flight.");
        }
        else
        {
            var road = km * (mode == TransportMode.Ferry ? 1.1 : 1.3);
            var (kmh, beforeMin, afterMin, usdPerKm, baseUsd) = mode switch
            {
                TransportMode.Train => (road > 300 ? 160.0 : 110.0, 45, 30, 0.14m, 8m),
                TransportMode.Bus => (70.0, 40, 25, 0.06m, 5m),
                TransportMode.Ferry => (30.0, 60, 30, 0.20m, 20m),
                _ => (80.0, 15, 15, 0m, 0m),
            };
            before = beforeMin;
            after = afterMin;
            service = TravelEstimator.RoundUp(road / kmh * 60);
            if (mode == TransportMode.Car)
            {
                var cars = (int)Math.Ceiling(request.Travelers / 4.0);
                total = Math.Round(cars * (45m + (0.25m * (decimal)road)));
                perPerson = Math.Round(total / request.Travelers, 2);
            }
            else
            {
                var classFactor = level switch { BudgetLevel.Budget => 0.8m, BudgetLevel.Luxury => 1.6m, _ => 1m };
                perPerson = Math.Round((baseUsd + (usdPerKm * (decimal)road)) * classFactor);
                total = perPerson * request.Travelers;
            }

            notes.Add($"{mode} {from.Name}→{to.Name} (~{road:0} km): estimated fare and duration, not a timetable.");
        }

        var (departure, arrival) = PickTimes(from, to, date, before + service + after, kind, notBefore);
        var serviceDeparture = departure.AddMinutes(before);
        var serviceArrival = arrival.AddMinutes(-after);
        var currency = request.Currency.ToUpperInvariant();
        var cost = new Money(_data.Fx.RoundPrice(_data.Fx.FromUsd(total, currency), currency), currency);
        return new TransportLeg(from.GeonameId, from.Name, to.GeonameId, to.Name, mode, kind, Math.Round(km, 1), date, departure, arrival,
            serviceDeparture.ToOffset(departure.Offset), serviceArrival.ToOffset(arrival.Offset), fromAirport, toAirport, perPerson, cost, notes);
    }

    /// <summary>The UTC offset of a city at a local date and time (its IANA zone, else longitude / 15).</summary>
    public static TimeSpan OffsetOf(ResolvedCity city, DateTime local)
    {
        ArgumentNullException.ThrowIfNull(city);
        if (city.TimeZone is { } id && Zones.GetOrAdd(id, FindZone) is { } zone)
        {
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(unspecified))
            {
                unspecified = unspecified.AddHours(1);
            }

            return zone.GetUtcOffset(unspecified);
        }

        return TimeSpan.FromHours(Math.Round(city.Lon / 15));
    }

    private static TimeZoneInfo? FindZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    private TransportMode ChooseMode(ResolvedCity from, ResolvedCity to, double km, TripRequest request)
    {
        var canFly = from.Airports.Count > 0 && to.Airports.Count > 0 && from.Airports[0] != to.Airports[0]
            && _data.Geo.AirportByIata(from.Airports[0]) is not null && _data.Geo.AirportByIata(to.Airports[0]) is not null;
        var continentFrom = _data.Geo.Country(from.Country)?.Continent;
        var continentTo = _data.Geo.Country(to.Country)?.Continent;
        var sameLand = from.Country.Equals(to.Country, StringComparison.OrdinalIgnoreCase)
            || (continentFrom is not null && continentFrom == continentTo);
        var canGround = (sameLand && km <= 1200) || !canFly;
        foreach (var preferred in request.PreferredTransport)
        {
            switch (preferred)
            {
                case TransportMode.Flight when canFly && km >= 250:
                    return TransportMode.Flight;
                case TransportMode.Train or TransportMode.Bus or TransportMode.Car when canGround && (!canFly || GroundHours(preferred, km) <= 9):
                    return preferred;
                case TransportMode.Ferry when canGround && GroundHours(TransportMode.Ferry, km) <= 9:
                    return TransportMode.Ferry;
            }
        }

        if (canGround && (km < 600 || !canFly))
        {
            return km < 80 ? TransportMode.Bus : TransportMode.Train;
        }

        return canFly ? TransportMode.Flight : TransportMode.Car;
    }

    private static (DateTimeOffset Departure, DateTimeOffset Arrival) PickTimes(ResolvedCity from, ResolvedCity to, DateOnly date, int minutes, LegKind kind, DateTimeOffset? notBefore)
    {
        var starts = kind switch { LegKind.Outbound => OutboundStarts, LegKind.Return => ReturnStarts, _ => OnwardStarts };
        (DateTimeOffset, DateTimeOffset)? fallback = null;
        (DateTimeOffset, DateTimeOffset)? anyAllowed = null;
        foreach (var start in starts)
        {
            var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(start);
            var departure = new DateTimeOffset(local, OffsetOf(from, local));
            if (notBefore is { } limit && departure < limit)
            {
                continue;
            }

            var utcArrival = departure.UtcDateTime.AddMinutes(minutes);
            var arrivalOffset = OffsetOf(to, utcArrival + TimeSpan.FromHours(Math.Round(to.Lon / 15)));
            var arrival = new DateTimeOffset(DateTime.SpecifyKind(utcArrival + arrivalOffset, DateTimeKind.Unspecified), arrivalOffset);
            var arrivalMinute = (arrival.Hour * 60) + arrival.Minute;
            if (anyAllowed is null || departure < anyAllowed.Value.Item1)
            {
                anyAllowed = (departure, arrival);
            }

            if (DateOnly.FromDateTime(arrival.DateTime) == date && arrivalMinute > start && arrivalMinute <= 22 * 60)
            {
                return (departure, arrival);
            }

            if (fallback is null && arrivalMinute is >= 7 * 60 and <= 21 * 60 && DateOnly.FromDateTime(arrival.DateTime) > date)
            {
                fallback = (departure, arrival);
            }
        }

        if (fallback is { } found)
        {
            return found;
        }

        if (notBefore is not null && anyAllowed is { } earliest)
        {
            return earliest;
        }

        var defaultLocal = date.ToDateTime(new TimeOnly(9, 30));
        var defaultDeparture = new DateTimeOffset(defaultLocal, OffsetOf(from, defaultLocal));
        var utc = defaultDeparture.UtcDateTime.AddMinutes(minutes);
        var offset = OffsetOf(to, utc + TimeSpan.FromHours(Math.Round(to.Lon / 15)));
        return (defaultDeparture, new DateTimeOffset(DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified), offset));
    }

    private static double GroundHours(TransportMode mode, double km) => km * 1.3 / mode switch
    {
        TransportMode.Train => km * 1.3 > 300 ? 160.0 : 110.0,
        TransportMode.Bus => 70.0,
        TransportMode.Ferry => 30.0 * 1.3 / 1.1,
        _ => 80.0,
    };

    private static int[] Times(params int[] minutes) => minutes;
}
