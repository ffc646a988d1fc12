namespace Wayfarer.Grains.Agents.Models;

/// <summary>Language-model settings (section <c>Wayfarer:Models</c>). With no platform key and no user key, every run
/// uses the offline planner.</summary>
public sealed class ModelOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Wayfarer:Models";

    /// <summary>The platform's own model, used when the user has no key of their own.</summary>
    public PlatformModelOptions Platform { get; set; } = new();

    /// <summary>The service name under which users store their own key (<c>PUT /api/users/me/api-keys/{service}</c>).</summary>
    public string UserKeyService { get; set; } = "openai";

    /// <summary>The endpoint used with a user's own key; null for OpenAI's.</summary>
    public Uri? UserEndpoint { get; set; }

    /// <summary>The model used with a user's own key.</summary>
    public string UserModel { get; set; } = "gpt-4o-mini";

    /// <summary>Most output tokens per model call (also the worst case reserved against the spend caps).</summary>
    public int MaxOutputTokens { get; set; } = 2000;

    /// <summary>Most model turns in one run's tool loop.</summary>
    public int MaxToolIterations { get; set; } = 8;

    /// <summary>Network timeout of one model call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Prices per model in USD per million tokens; these override the built-in table.</summary>
    public List<ModelPrice> Prices { get; set; } = [];

    /// <summary>The price of a model that is in neither table (deliberately high, so unknown models do not slip past caps).</summary>
    public ModelPrice DefaultPrice { get; set; } = new() { Model = "*", InputPerMillionUsd = 5m, OutputPerMillionUsd = 15m };

    /// <summary>A description of the first invalid setting, or null.</summary>
    public string? Validate()
    {
        if (MaxOutputTokens is < 16 or > 100_000)
        {
            return "Wayfarer:Models:MaxOutputTokens must be between 16 and 100000.";
        }

        if (MaxToolIterations is < 1 or > 50)
        {
            return "Wayfarer:Models:MaxToolIterations must be between 1 and 50.";
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            return "Wayfarer:Models:RequestTimeout must be positive.";
        }

        foreach (var price in Prices.Append(DefaultPrice))
        {
            if (string.IsNullOrWhiteSpace(price.Model) || price.InputPerMillionUsd < 0 || price.OutputPerMillionUsd < 0)
            {
                return "Every Wayfarer:Models:Prices entry needs a model name and non-negative prices.";
            }
        }

        return Platform.Validate();
    }
}
