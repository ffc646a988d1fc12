namespace Wayfarer.Planning.Catalog;

/// <summary>The raw JSON shape of one place.</summary>
internal sealed class PlaceFile
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public string? Category { get; set; }
    public string? Area { get; set; }
    public int DurationMinutes { get; set; }
    public int PriceLevel { get; set; }
    public decimal TicketUsd { get; set; }
    public Dictionary<string, string?>? Hours { get; set; }
    public List<string>? Tags { get; set; }

    public Place ToPlace(string slug, int geonameId)
    {
        var id = Id ?? throw new FormatException($"{slug}: a place has no id");
        OpeningHours hours;
        try
        {
            hours = OpeningHours.Parse(Hours ?? throw new FormatException("hours missing"));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{slug}/{id}: {e.Message}", e);
        }

        return new Place(id, Name ?? id, Lat, Lon, (Category ?? "landmark").ToLowerInvariant(), Area ?? "Centre",
            DurationMinutes, PriceLevel, TicketUsd, hours, (Tags ?? []).Select(t => t.ToLowerInvariant()).ToList(), geonameId);
    }
}
