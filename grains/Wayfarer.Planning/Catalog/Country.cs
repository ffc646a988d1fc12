namespace Wayfarer.Planning.Catalog;

/// <summary>A country.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">English name.</param>
/// <param name="Capital">Capital city.</param>
/// <param name="Continent">Continent code (such as <c>EU</c>).</param>
/// <param name="Currencies">ISO 4217 currencies, main first.</param>
/// <param name="Languages">Languages spoken.</param>
public sealed record Country(string Code, string Name, string? Capital, string? Continent, IReadOnlyList<string> Currencies, IReadOnlyList<string> Languages)
{
    /// <summary>The main currency, or null when none is listed.</summary>
    public string? MainCurrency => Currencies is { Count: > 0 } ? Currencies[0].ToUpperInvariant() : null;
}
