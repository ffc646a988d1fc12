namespace Wayfarer.Planning.Catalog;

/// <summary>The raw JSON shape of <c>fx-usd.json</c>.</summary>
internal sealed class FxFile
{
    public string? AsOf { get; set; }
    public string? Note { get; set; }
    public Dictionary<string, decimal>? PerUsd { get; set; }
}
