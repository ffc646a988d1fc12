namespace Wayfarer.Planning.Catalog;

/// <summary>Exchange rates against the US dollar (static reference rates, not live).</summary>
public sealed class FxRates
{
    private readonly Dictionary<string, decimal> _perUsd;

    /// <summary>Creates the table from units of each currency per one US dollar.</summary>
    /// <param name="perUsd">Units of each currency per USD; USD is added as 1 when missing.</param>
    /// <param name="asOf">The date the rates were taken.</param>
    public FxRates(IReadOnlyDictionary<string, decimal> perUsd, string? asOf)
    {
        ArgumentNullException.ThrowIfNull(perUsd);
        _perUsd = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, rate) in perUsd)
        {
            if (rate > 0)
            {
                _perUsd[code.ToUpperInvariant()] = rate;
            }
        }

        _perUsd.TryAdd("USD", 1m);
        AsOf = asOf;
    }

    /// <summary>When the rates were taken.</summary>
    public string? AsOf { get; }

    /// <summary>The currencies with a rate, sorted.</summary>
    public IReadOnlyList<string> Currencies => _perUsd.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>True when the currency has a rate.</summary>
    public bool Supports(string? currency) => currency is not null && _perUsd.ContainsKey(currency);

    /// <summary>Units of <paramref name="currency"/> per USD.</summary>
    /// <exception cref="PlanningException">The currency is unknown (<c>unsupported_currency</c>).</exception>
    public decimal PerUsd(string currency) => currency is not null && _perUsd.TryGetValue(currency, out var rate)
        ? rate
        : throw new PlanningException(PlanningErrorCodes.UnsupportedCurrency, $"Currency '{currency}' is not supported.", Currencies);

    /// <summary>Converts USD to a currency (not rounded).</summary>
    public decimal FromUsd(decimal usd, string currency) => usd * PerUsd(currency);

    /// <summary>Converts an amount of a currency to USD (not rounded).</summary>
    public decimal ToUsd(decimal amount, string currency) => amount / PerUsd(currency);

    /// <summary>Converts between two currencies through USD (not rounded).</summary>
    public decimal Convert(decimal amount, string from, string to) =>
        string.Equals(from, to, StringComparison.OrdinalIgnoreCase) ? amount : FromUsd(ToUsd(amount, from), to);

    /// <summary>Rounds an amount the way the planner shows prices: whole units, or tens for currencies worth less
    /// than a cent of a dollar.</summary>
    public decimal RoundPrice(decimal amount, string currency)
    {
        var step = PerUsd(currency) >= 100m ? 10m : 1m;
        return Math.Ceiling(amount / step) * step;
    }
}
