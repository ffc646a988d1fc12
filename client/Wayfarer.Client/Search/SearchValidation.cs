using System.Globalization;
using Wayfarer.Client.Infrastructure;
using Wayfarer.GrainInterfaces.Memory;

namespace Wayfarer.Client.Search;

/// <summary>Reads and checks the query-string parameters of the search routes, collecting field-level messages.</summary>
internal static class SearchValidation
{
    public const int MaxQueryLength = 500;
    public const int MaxLimit = 100;
    public const int DefaultLimit = 10;
    private const int MaxFilterLength = 100;

    /// <summary>A limit from 1 to <see cref="MaxLimit"/>; <see cref="DefaultLimit"/> when absent.</summary>
    public static int Limit(ValidationErrors errors, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return DefaultLimit;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be a whole number from 1 to {MaxLimit}.");
        }

        return limit;
    }

    /// <summary>Comma-separated collection names, each one of <paramref name="allowed"/>; null when absent.</summary>
    public static IReadOnlyList<string>? Collections(ValidationErrors errors, string? value, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0 || names.Any(n => !allowed.Contains(n, StringComparer.Ordinal)))
        {
            errors.Add("collection", $"must be one or more of {string.Join(", ", allowed)}, separated by commas.");
        }

        return names;
    }

    /// <summary><c>hybrid</c> (the default) or <c>vector</c>.</summary>
    public static SearchMode Mode(ValidationErrors errors, string? value)
    {
        switch (value?.ToLowerInvariant())
        {
            case null or "" or "hybrid":
                return SearchMode.Hybrid;
            case "vector":
                return SearchMode.Vector;
            default:
                errors.Add("mode", "must be 'hybrid' or 'vector'.");
                return SearchMode.Hybrid;
        }
    }

    /// <summary>The category, country, city and date filters.</summary>
    public static SearchFilter Filter(ValidationErrors errors, string? category, string? country, string? city, string? from, string? to)
    {
        errors.Text("category", category, MaxFilterLength);
        errors.Text("city", city, MaxFilterLength);
        if (!string.IsNullOrEmpty(country) && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
        {
            errors.Add("country", "must be an ISO 3166-1 alpha-2 code such as 'JP'.");
        }

        var start = Date(errors, "from", from);
        var end = Date(errors, "to", to);
        if (start > end)
        {
            errors.Add("to", "must not be before 'from'.");
        }

        return new SearchFilter
        {
            Category = Blank(category)?.ToLowerInvariant(),
            Country = Blank(country)?.ToUpperInvariant(),
            City = Blank(city),
            From = start,
            To = end,
        };
    }

    /// <summary>An ISO 8601 date (<c>2026-04-01</c>, the whole day in UTC) or date and time with offset.</summary>
    private static DateTimeOffset? Date(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return field == "to" ? midnight.AddDays(1).AddTicks(-1) : midnight;
        }

        if (value.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        errors.Add(field, "must be an ISO 8601 date (yyyy-MM-dd) or date and time.");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
