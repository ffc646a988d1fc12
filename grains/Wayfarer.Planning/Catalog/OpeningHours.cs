using System.Globalization;

namespace Wayfarer.Planning.Catalog;

/// <summary>Weekly opening hours: seven lists of ranges, Monday first; an empty list means closed that day.</summary>
/// <param name="Week">Ranges per weekday, Monday (index 0) to Sunday (index 6).</param>
public sealed record OpeningHours(IReadOnlyList<IReadOnlyList<MinuteRange>> Week)
{
    /// <summary>The keys of the data files, Monday first.</summary>
    public static readonly IReadOnlyList<string> DayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>Open all day every day.</summary>
    public static OpeningHours AlwaysOpen { get; } = new(Enumerable.Range(0, 7).Select(_ => (IReadOnlyList<MinuteRange>)[new MinuteRange(0, 1440)]).ToArray());

    /// <summary>The ranges of a weekday.</summary>
    public IReadOnlyList<MinuteRange> On(DayOfWeek day) => Week[((int)day + 6) % 7];

    /// <summary>True when [start, end] (minutes) fits inside one range of that weekday.</summary>
    public bool IsOpen(DayOfWeek day, int start, int end)
    {
        foreach (var range in On(day))
        {
            if (range.Contains(start, end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The earliest start at or after <paramref name="earliest"/> at which a visit of
    /// <paramref name="duration"/> minutes fits one range and ends by <paramref name="latestEnd"/>; null when none.</summary>
    public int? EarliestStart(DayOfWeek day, int earliest, int duration, int latestEnd)
    {
        int? best = null;
        foreach (var range in On(day))
        {
            var start = Math.Max(earliest, range.Open);
            if (start + duration <= range.Close && start + duration <= latestEnd && (best is null || start < best))
            {
                best = start;
            }
        }

        return best;
    }

    /// <summary>The longest range over the week, in minutes.</summary>
    public int LongestRange => Week.SelectMany(d => d).Select(r => r.Length).DefaultIfEmpty(0).Max();

    /// <summary>Parses the data-file form: keys <c>mon</c>..<c>sun</c>, values null (closed) or
    /// <c>HH:MM-HH:MM[,HH:MM-HH:MM]</c>.</summary>
    /// <exception cref="FormatException">A value is malformed, or a day is missing.</exception>
    public static OpeningHours Parse(IReadOnlyDictionary<string, string?> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var week = new IReadOnlyList<MinuteRange>[7];
        for (var i = 0; i < 7; i++)
        {
            if (!hours.TryGetValue(DayKeys[i], out var value))
            {
                throw new FormatException($"hours: day '{DayKeys[i]}' is missing");
            }

            week[i] = ParseDay(value);
        }

        return new OpeningHours(week);
    }

    /// <summary>Parses one day's value (null or blank = closed).</summary>
    public static IReadOnlyList<MinuteRange> ParseDay(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var ranges = new List<MinuteRange>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                throw new FormatException($"hours: '{part}' is not HH:MM-HH:MM");
            }

            var open = ParseTime(part[..dash]);
            var close = ParseTime(part[(dash + 1)..]);
            if (close <= open || open >= 1440)
            {
                throw new FormatException($"hours: '{part}' closes before it opens");
            }

            ranges.Add(new MinuteRange(open, close));
        }

        ranges.Sort((a, b) => a.Open.CompareTo(b.Open));
        return ranges;
    }

    /// <summary>Formats the ranges of a weekday as <c>HH:MM-HH:MM</c>, or <c>closed</c>.</summary>
    public string Describe(DayOfWeek day)
    {
        var ranges = On(day);
        return ranges.Count == 0 ? "closed" : string.Join(", ", ranges.Select(r => $"{Format(r.Open)}-{Format(r.Close)}"));
    }

    private static string Format(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    private static int ParseTime(string text)
    {
        text = text.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1
            || !int.TryParse(text[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || h > 24 || m > 59 || (h == 24 && m != 0) || text.Length - colon != 3)
        {
            throw new FormatException($"hours: '{text}' is not a time HH:MM");
        }

        return (h * 60) + m;
    }
}
