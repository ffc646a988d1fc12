namespace Wayfarer.Planning.Catalog;

/// <summary>The raw JSON shape of a budget/moderate/luxury price triple.</summary>
internal sealed class TripleFile
{
    public decimal Budget { get; set; }
    public decimal Moderate { get; set; }
    public decimal Luxury { get; set; }

    public PriceTriple ToTriple() => new(Budget, Moderate, Luxury);
}
