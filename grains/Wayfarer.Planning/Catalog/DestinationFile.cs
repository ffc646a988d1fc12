using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wayfarer.Planning.Catalog;

/// <summary>The raw JSON shape of a places file (see <c>Data/places/SCHEMA.md</c>).</summary>
internal sealed class DestinationFile
{
    public string? Slug { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public int GeonameId { get; set; }
    public string? Currency { get; set; }
    public List<string>? Airports { get; set; }
    public CostsFile? Costs { get; set; }
    public List<PlaceFile>? Places { get; set; }

    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public Destination ToDestination(string slugFallback)
    {
        var slug = Slug ?? slugFallback;
        var costs = Costs is null
            ? CityCosts.GlobalDefault
            : new CityCosts(
                Costs.LodgingPerNight?.ToTriple() ?? CityCosts.GlobalDefault.LodgingPerNight,
                Costs.Meal?.ToTriple() ?? CityCosts.GlobalDefault.Meal,
                Costs.Breakfast?.ToTriple() ?? CityCosts.GlobalDefault.Breakfast,
                Costs.LocalTransportPerDay ?? CityCosts.GlobalDefault.LocalTransportPerDay);
        var places = (Places ?? []).Select(p => p.ToPlace(slug, GeonameId)).ToList();
        return new Destination(slug, City ?? slug, (Country ?? "").ToUpperInvariant(), GeonameId, (Currency ?? "USD").ToUpperInvariant(),
            (Airports ?? []).Select(a => a.ToUpperInvariant()).ToList(), costs, places);
    }
}
