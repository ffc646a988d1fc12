namespace Wayfarer.Planning.Catalog;

/// <summary>A destination's cost profile in USD (estimates).</summary>
/// <param name="LodgingPerNight">One room for two people, per night.</param>
/// <param name="Meal">One lunch or dinner, per person.</param>
/// <param name="Breakfast">Breakfast, per person.</param>
/// <param name="LocalTransportPerDay">Metro/bus/taxi mix, per person and day.</param>
public sealed record CityCosts(PriceTriple LodgingPerNight, PriceTriple Meal, PriceTriple Breakfast, decimal LocalTransportPerDay)
{
    /// <summary>The profile used when nothing better is known.</summary>
    public static CityCosts GlobalDefault { get; } = new(new(60, 140, 380), new(12, 28, 80), new(6, 12, 30), 8);
}
