namespace Wayfarer.Planning.Catalog;

/// <summary>The raw JSON shape of a places file's <c>costs</c>.</summary>
internal sealed class CostsFile
{
    public TripleFile? LodgingPerNight { get; set; }
    public TripleFile? Meal { get; set; }
    public TripleFile? Breakfast { get; set; }
    public decimal? LocalTransportPerDay { get; set; }
}
