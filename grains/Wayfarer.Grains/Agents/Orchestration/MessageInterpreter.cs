using System.Globalization;
using System.Text.RegularExpressions;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Planning;
using Wayfarer.Planning.Catalog;

namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>The offline planner's reading of a traveller's message: deterministic patterns for destinations (catalogue
/// names and "to/in/visit X" phrases resolved over GeoNames), origin ("from X"), ISO dates and trip length, travellers,
/// budget and currency, interests, pace and budget level, merged over the plan's own fields.</summary>
public sealed partial class MessageInterpreter(PlanningData data)
{
    private static readonly (string Word, string[] Tags)[] InterestWords =
    [
        ("museum", ["art", "history", "culture"]), ("art", ["art"]), ("gallery", ["art"]), ("galleries", ["art"]), ("history", ["history"]),
        ("historic", ["history"]), ("food", ["food"]), ("foodie", ["food"]), ("street food", ["street-food", "food"]), ("eat", ["food"]),
        ("market", ["markets"]), ("nature", ["nature"]), ("hiking", ["hiking", "nature"]), ("hike", ["hiking", "nature"]), ("beach", ["beach"]),
        ("nightlife", ["nightlife"]), ("bars", ["nightlife"]), ("shopping", ["shopping"]), ("temple", ["temples", "religion"]), ("church", ["churches", "religion"]),
        ("cathedral", ["churches", "architecture"]), ("architecture", ["architecture"]), ("park", ["parks"]), ("garden", ["gardens"]), ("view", ["views"]),
        ("kids", ["family", "kids"]), ("family", ["family"]), ("children", ["family", "kids"]), ("wine", ["wine"]), ("coffee", ["coffee"]),
        ("music", ["music"]), ("photo", ["photography"]), ("castle", ["castles"]), ("science", ["science"]), ("design", ["design"]),
        ("romantic", ["romantic"]), ("relax", ["relaxation"]), ("iconic", ["iconic"]), ("landmark", ["iconic"]), ("local", ["local"]), ("culture", ["culture"]),
        ("sport", ["sport"]), ("island", ["islands"]), ("ancient", ["ancient"]), ("modern", ["modern"]),
    ];

    /// <summary>The largest budget read from a message (the API's own limit).</summary>
    private const decimal MaxBudget = 10_000_000m;

    private static readonly string[] PlanningWords =
        ["plan", "itinerary", "generate", "make", "create", "redo", "change", "update", "trip", "visit", "travel", "go to", "add", "instead", "swap", "replan"];

    // Patterns are built once: messages are read with ~200 of them, far more than Regex's own cache holds.
    private static readonly (Regex Pattern, string[] Tags)[] InterestPatterns =
        [.. InterestWords.Select(w => (new Regex($@"\b{Regex.Escape(w.Word)}(s|es)?\b", RegexOptions.CultureInvariant), w.Tags))];

    private static readonly Regex PlanningPattern =
        new($@"\b({string.Join('|', PlanningWords.Select(Regex.Escape))})\b", RegexOptions.CultureInvariant);

    private readonly (Regex Pattern, string Name)[] _destinationPatterns =
        [.. BuildDestinationNames(data).Select(n => (new Regex($@"\b{Regex.Escape(n.Key)}\b", RegexOptions.CultureInvariant), n.Value))];

    /// <summary>Interprets <paramref name="message"/> against the plan's current fields.</summary>
    public Interpretation Interpret(string message, PlanContent plan, TripOverrides? overrides, RunKind kind, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(plan);
        var text = message.Trim();
        var folded = TextKey.Fold(text);
        var understood = new List<string>();
        var assumptions = new List<string>();
        var preferences = plan.Preferences ?? TravelPreferences.Default;

        var destinations = plan.Destinations.ToList();
        string? origin = null;
        var named = FindDestinations(text, folded);
        if (named.Count > 0)
        {
            var adding = AddPattern().IsMatch(folded);
            destinations = adding ? [.. destinations.Concat(named).Distinct(StringComparer.OrdinalIgnoreCase)] : named;
            understood.Add((adding ? "adding " : "destinations ") + string.Join(", ", named));
        }

        if (FromPattern().Match(text) is { Success: true } fromMatch && ResolveName(fromMatch.Groups["place"].Value) is { } from
            && !named.Contains(from, StringComparer.OrdinalIgnoreCase))
        {
            origin = from;
            understood.Add("starting from " + from);
        }

        var start = plan.StartDate;
        var end = plan.EndDate;
        var dates = IsoDate().Matches(text)
            .Select(m => DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null)
            .OfType<DateOnly>().ToList();
        if (dates.Count >= 1)
        {
            start = dates[0];
            end = dates.Count >= 2 ? dates[1] : end is { } e && e >= start ? e : start.Value.AddDays((plan.DurationDays ?? 3) - 1);
            understood.Add($"dates {start:yyyy-MM-dd} to {end:yyyy-MM-dd}");
        }

        if (DaysPattern().Match(folded) is { Success: true } daysMatch && int.TryParse(daysMatch.Groups["n"].Value, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 60)
        {
            days += daysMatch.Groups["unit"].Value.StartsWith("night", StringComparison.Ordinal) ? 1 : 0;
            start ??= today.AddDays(30);
            end = start.Value.AddDays(days - 1);
            understood.Add($"{days} days");
        }

        var travelers = plan.TravelerCount;
        if (PeoplePattern().Match(folded) is { Success: true } people && int.TryParse(people.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 50)
        {
            travelers = n;
            understood.Add($"{n} travellers");
        }
        else if (Regex.IsMatch(folded, @"\b(solo|alone|by myself|just me)\b"))
        {
            travelers = 1;
            understood.Add("travelling solo");
        }
        else if (Regex.IsMatch(folded, @"\b(couple|two of us|my partner|my wife|my husband)\b"))
        {
            travelers = 2;
            understood.Add("2 travellers");
        }

        var budget = plan.Budget?.Total;
        var currency = plan.Budget?.Currency ?? "USD";
        if (BudgetPattern().Match(text) is { Success: true } money
            && decimal.TryParse(money.Groups["amount"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            && amount <= MaxBudget && amount * (money.Groups["k"].Success ? 1000 : 1) is var total && total <= MaxBudget)
        {
            amount = total;

            budget = amount;
            currency = CurrencyOf(money.Groups["code"].Value) ?? CurrencyOf(money.Groups["sym"].Value) ?? currency;
            understood.Add($"budget {amount.ToString("0.##", CultureInfo.InvariantCulture)} {currency}");
        }

        var interests = preferences.Interests.ToList();
        var foundInterests = InterestPatterns.Where(w => w.Pattern.IsMatch(folded)).SelectMany(w => w.Tags).Distinct().ToList();
        if (foundInterests.Count > 0)
        {
            interests = [.. interests.Concat(foundInterests).Distinct(StringComparer.OrdinalIgnoreCase)];
            understood.Add("interests " + string.Join(", ", foundInterests));
        }

        var pace = preferences.Pace;
        if (Regex.IsMatch(folded, @"\b(relaxed|slow|easy|chill|leisurely)\b"))
        {
            pace = TravelPace.Relaxed;
            understood.Add("a relaxed pace");
        }
        else if (Regex.IsMatch(folded, @"\b(packed|busy|intense|as much as possible|full days)\b"))
        {
            pace = TravelPace.Packed;
            understood.Add("a packed pace");
        }

        var level = preferences.BudgetLevel;
        if (Regex.IsMatch(folded, @"\b(cheap|cheapest|backpack\w*|shoestring|low budget|budget travel)\b"))
        {
            level = BudgetLevel.Budget;
            understood.Add("budget travel");
        }
        else if (Regex.IsMatch(folded, @"\b(luxury|luxurious|fancy|five star|5 star|splurge)\b"))
        {
            level = BudgetLevel.Luxury;
            understood.Add("luxury travel");
        }

        if (overrides is not null)
        {
            destinations = overrides.Destinations?.ToList() ?? destinations;
            origin = overrides.Origin ?? origin;
            start = overrides.StartDate ?? start;
            end = overrides.EndDate ?? end;
            travelers = overrides.Travelers ?? travelers;
            budget = overrides.Budget ?? budget;
            currency = overrides.Currency ?? currency;
            interests = overrides.Interests?.ToList() ?? interests;
            pace = overrides.Pace ?? pace;
            level = overrides.BudgetLevel ?? level;
        }

        var changed = understood.Count > 0 || overrides is not null;
        var asksPlanning = PlanningPattern.IsMatch(folded);
        var question = text.EndsWith('?') && !asksPlanning && !changed;
        var replan = kind == RunKind.Generate || changed || asksPlanning || plan.Itinerary.Days.Count == 0 && !question;

        var missing = new List<string>();
        if (destinations.Count == 0)
        {
            missing.Add("where you want to go (for example \"5 days in Lisbon\")");
        }

        if (start is null || end is null)
        {
            start ??= today.AddDays(30);
            end ??= start.Value.AddDays(2);
            assumptions.Add($"dates {start:yyyy-MM-dd} to {end:yyyy-MM-dd} (none were given)");
        }

        if (missing.Count > 0)
        {
            return new Interpretation(null, replan, understood, missing, assumptions);
        }

        var trip = new TripRequest(destinations, origin, start!.Value, end!.Value, travelers, budget, overrides?.DailyBudget, currency.ToUpperInvariant(), interests,
            pace, level, preferences.DietaryNeeds, preferences.Mobility, preferences.PreferredTransport, TripRequest.DefaultDayStart, TripRequest.DefaultDayEnd);
        return new Interpretation(trip, replan, understood, missing, assumptions);
    }

    private List<string> FindDestinations(string text, string folded)
    {
        var found = new List<(int Index, string Name)>();
        foreach (var (pattern, name) in _destinationPatterns)
        {
            var match = pattern.Match(folded);
            if (match.Success && !IsOriginAt(folded, match.Index))
            {
                found.Add((match.Index, name));
            }
        }

        foreach (Match match in ToPattern().Matches(text))
        {
            if (ResolveName(match.Groups["place"].Value) is { } name && !found.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add((TextKey.Fold(text[..match.Index]).Length, name));
            }
        }

        // Longer names win over names they contain ("New York City" over "York").
        var names = found.OrderBy(f => f.Index).Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return [.. names.Where(n => !names.Any(other => other.Length > n.Length && TextKey.Fold(other).Contains(TextKey.Fold(n), StringComparison.Ordinal)))];
    }

    private static bool IsOriginAt(string folded, int index) => index >= 5 && folded[..index].EndsWith("from ", StringComparison.Ordinal);

    private string? ResolveName(string candidate)
    {
        var words = candidate.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Try the longest leading run of words first ("Rio de Janeiro for a week" → "Rio de Janeiro").
        for (var take = Math.Min(words.Length, 4); take >= 1; take--)
        {
            var name = string.Join(' ', words.Take(take)).TrimEnd(',', '.', '!', '?', ';');
            if (name.Length >= 3 && data.Geo.ResolveCity(name) is { } city)
            {
                return city.Name;
            }
        }

        return null;
    }

    private string? CurrencyOf(string text) => text.Trim().ToUpperInvariant() switch
    {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "" => null,
        var code when code.Length == 3 && data.Fx.Supports(code) => code,
        _ => null,
    };

    private static Dictionary<string, string> BuildDestinationNames(PlanningData data)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var destination in data.Places.Destinations)
        {
            names.TryAdd(TextKey.Fold(destination.City), destination.City);
            names.TryAdd(TextKey.Fold(destination.Slug.Replace('-', ' ')), destination.City);
        }

        return names;
    }

    [GeneratedRegex(@"\b(add|also|as well|plus)\b")]
    private static partial Regex AddPattern();

    [GeneratedRegex(@"\bfrom\s+(?<place>\p{Lu}[\p{L}'\-]*(?:\s+(?:\p{Lu}[\p{L}'\-]*|de|da|do|del|la|le))*)")]
    private static partial Regex FromPattern();

    [GeneratedRegex(@"\b(?:to|in|visit|visiting|see)\s+(?<place>\p{Lu}[\p{L}'\-]*(?:\s+(?:\p{Lu}[\p{L}'\-]*|de|da|do|del|la|le))*)")]
    private static partial Regex ToPattern();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<n>\d{1,2})[\s-]*(?<unit>days?|nights?)\b")]
    private static partial Regex DaysPattern();

    [GeneratedRegex(@"\b(?:for\s+)?(?<n>\d{1,2})\s*(?:people|persons|travell?ers|adults|guests|of us)\b")]
    private static partial Regex PeoplePattern();

    [GeneratedRegex(@"(?:budget\s*(?:of|is|:)?\s*|under\s+|max(?:imum)?\s+)(?<sym>[$€£¥])?\s*(?<amount>\d[\d,]*(?:\.\d+)?)(?<k>k)?\s*(?<code>[A-Z]{3}\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex BudgetPattern();
}
