using Microsoft.Extensions.Options;

namespace Wayfarer.Grains.Agents.Models;

/// <summary>Prices models' tokens: configured prices first, then a built-in table of list prices, then the (high)
/// default. Self-hosted models can be priced at zero by configuration.</summary>
public sealed class PriceTable
{
    private static readonly ModelPrice[] BuiltIn =
    [
        new() { Model = "gpt-4o-mini*", InputPerMillionUsd = 0.15m, OutputPerMillionUsd = 0.60m },
        new() { Model = "gpt-4o*", InputPerMillionUsd = 2.50m, OutputPerMillionUsd = 10.00m },
        new() { Model = "gpt-4.1-nano*", InputPerMillionUsd = 0.10m, OutputPerMillionUsd = 0.40m },
        new() { Model = "gpt-4.1-mini*", InputPerMillionUsd = 0.40m, OutputPerMillionUsd = 1.60m },
        new() { Model = "gpt-4.1*", InputPerMillionUsd = 2.00m, OutputPerMillionUsd = 8.00m },
        new() { Model = "gpt-5-nano*", InputPerMillionUsd = 0.05m, OutputPerMillionUsd = 0.40m },
        new() { Model = "gpt-5-mini*", InputPerMillionUsd = 0.25m, OutputPerMillionUsd = 2.00m },
        new() { Model = "gpt-5*", InputPerMillionUsd = 1.25m, OutputPerMillionUsd = 10.00m },
    ];

    private readonly ModelPrice[] _prices;
    private readonly ModelPrice _default;

    /// <summary>Creates the table from the options.</summary>
    public PriceTable(IOptions<ModelOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Exact names before prefixes, longer prefixes before shorter ones, configuration before the built-in list.
        _prices = [.. options.Value.Prices.Concat(BuiltIn).OrderBy(p => p.Model.EndsWith('*') ? 1 : 0).ThenByDescending(p => p.Model.Length)];
        _default = options.Value.DefaultPrice;
    }

    /// <summary>The price of <paramref name="model"/>.</summary>
    public ModelPrice Find(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var price in _prices)
        {
            var matches = price.Model.EndsWith('*')
                ? model.StartsWith(price.Model[..^1], StringComparison.OrdinalIgnoreCase)
                : string.Equals(model, price.Model, StringComparison.OrdinalIgnoreCase);
            if (matches)
            {
                return price;
            }
        }

        return _default;
    }

    /// <summary>The cost in USD of a call with these token counts, rounded up to a millionth of a dollar.</summary>
    public decimal Cost(string model, long promptTokens, long completionTokens)
    {
        var price = Find(model);
        var cost = (promptTokens * price.InputPerMillionUsd + completionTokens * price.OutputPerMillionUsd) / 1_000_000m;
        return Math.Ceiling(cost * 1_000_000m) / 1_000_000m;
    }
}
