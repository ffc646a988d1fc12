namespace Wayfarer.Planning.Catalog;

/// <summary>An airport from OpenFlights.</summary>
/// <param name="Iata">IATA code.</param>
/// <param name="Icao">ICAO code.</param>
/// <param name="Name">Airport name.</param>
/// <param name="City">City it serves, as OpenFlights names it.</param>
/// <param name="Country">Country (name or code, as in the data file).</param>
/// <param name="Lat">Latitude in degrees.</param>
/// <param name="Lon">Longitude in degrees.</param>
/// <param name="Tz">IANA time zone, such as <c>Europe/Paris</c>.</param>
public sealed record Airport(string Iata, string? Icao, string Name, string? City, string? Country, double Lat, double Lon, string? Tz);
