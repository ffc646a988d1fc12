using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Offline;

public sealed partial class OfflinePlanner
{
    private static readonly Dictionary<string, string[]> InterestSynonyms = new(StringComparer.Ordinal)
    {
        ["museum"] = ["museum", "art", "history", "science"],
        ["museums"] = ["museum", "art", "history", "science"],
        ["food"] = ["food", "street-food", "markets", "market", "coffee", "wine"],
        ["foodie"] = ["food", "street-food", "markets", "market"],
        ["eating"] = ["food", "street-food", "markets"],
        ["nature"] = ["nature", "parks", "park", "gardens", "hiking", "outdoor"],
        ["outdoors"] = ["nature", "parks", "park", "hiking", "outdoor"],
        ["hiking"] = ["hiking", "nature"],
        ["history"] = ["history", "historic_site", "ancient", "castles"],
        ["historical"] = ["history", "historic_site", "ancient"],
        ["art"] = ["art", "museum", "design"],
        ["arts"] = ["art", "museum", "design"],
        ["culture"] = ["culture", "art", "history", "music"],
        ["shopping"] = ["shopping", "markets", "market"],
        ["nightlife"] = ["nightlife", "music", "entertainment"],
        ["beaches"] = ["beach"],
        ["beach"] = ["beach"],
        ["religion"] = ["religion", "religious", "temples", "churches"],
        ["temples"] = ["temples", "religious"],
        ["churches"] = ["churches", "religious"],
        ["architecture"] = ["architecture", "design", "landmark"],
        ["kids"] = ["kids", "family"],
        ["family"] = ["family", "kids"],
        ["views"] = ["views", "viewpoint", "photography"],
        ["photography"] = ["photography", "views", "viewpoint"],
        ["parks"] = ["parks", "park", "gardens"],
        ["markets"] = ["markets", "market"],
        ["music"] = ["music", "nightlife", "entertainment"],
        ["wine"] = ["wine"],
        ["coffee"] = ["coffee"],
        ["relaxation"] = ["relaxation", "parks", "beach", "gardens"],
        ["sport"] = ["sport"],
        ["sports"] = ["sport"],
    };

    /// <summary>How many sights a full day holds at a pace.</summary>
    public static int PlacesPerDay(TravelPace pace) => pace switch
    {
        TravelPace.Relaxed => 3,
        TravelPace.Packed => 6,
        _ => 4,
    };

    /// <summary>Step 6: the places of a city ranked for the request: interests matched against tags and categories,
    /// iconic places first, varied categories, cheaper places at budget level, mobility respected. Uncurated cities
    /// get one generic "Explore the centre" suggestion a day.</summary>
    public IReadOnlyList<PlaceCandidate> FindCandidates(ResolvedCity city, TripRequest request, int days)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(request);
        days = Math.Max(1, days);
        var destination = _data.Places.ByGeonameId(city.GeonameId);
        if (destination is null || destination.Places.Count == 0)
        {
            return Enumerable.Range(1, days + 1).Select(n => new PlaceCandidate(
                $"generic:{city.GeonameId}:{n}", n == 1 ? $"Explore the centre of {city.Name}" : $"Explore more of {city.Name} ({n})",
                "neighbourhood", "Centre", city.Lat, city.Lon, Math.Min(180, _options.MaxVisitMinutes), 0, 0, OpeningHours.AlwaysOpen, ["local"], 1, [], IsGeneric: true)).ToList();
        }

        var interests = request.Interests.Select(TextKey.Fold).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var scored = destination.Places
            .Select(p => (Place: p, Matched: Matched(p, interests), Base: BaseScore(p, interests, request)))
            .Where(x => !(request.Mobility == MobilityLevel.WheelchairAccessible && x.Place.Tags.Contains("hiking")))
            .ToList();
        var picked = new List<PlaceCandidate>();
        var categoryCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var limit = Math.Max(12, PlacesPerDay(request.Pace) * days * 2);
        while (scored.Count > 0 && picked.Count < limit)
        {
            var best = 0;
            var bestScore = double.MinValue;
            for (var i = 0; i < scored.Count; i++)
            {
                var score = scored[i].Base - (1.2 * categoryCounts.GetValueOrDefault(scored[i].Place.Category));
                if (score > bestScore + 1e-9 || (Math.Abs(score - bestScore) < 1e-9 && string.CompareOrdinal(scored[i].Place.Id, scored[best].Place.Id) < 0))
                {
                    (best, bestScore) = (i, score);
                }
            }

            var (place, matched, _) = scored[best];
            scored.RemoveAt(best);
            categoryCounts[place.Category] = categoryCounts.GetValueOrDefault(place.Category) + 1;
            picked.Add(new PlaceCandidate(place.Id, place.Name, place.Category, place.Area, place.Lat, place.Lon,
                Math.Clamp(place.DurationMinutes, 30, _options.MaxVisitMinutes), place.TicketUsd, place.PriceLevel, place.Hours, place.Tags,
                Math.Round(bestScore, 3), matched));
        }

        // Free walks through each area come last (repeated for long stays), so a stay never runs out of things to do.
        var areas = destination.Places
            .GroupBy(p => p.Area, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var rounds = Math.Max(1, (int)Math.Ceiling(days * (double)PlacesPerDay(request.Pace) / areas.Count));
        var walks = Enumerable.Range(1, rounds).SelectMany(round => areas.Select((g, i) => new PlaceCandidate(
            $"generic:{city.GeonameId}:area:{i + 1}:{round}", round == 1 ? $"Stroll around {g.Key}" : $"More time in {g.Key}", "neighbourhood", g.Key,
            Math.Round(g.Average(p => p.Lat), 5), Math.Round(g.Average(p => p.Lon), 5), Math.Min(90, _options.MaxVisitMinutes), 0, 0,
            OpeningHours.AlwaysOpen, ["local", "outdoor"], 0, [], IsGeneric: true)));
        return [.. picked, .. walks];
    }

    private static List<string> Matched(Place place, List<string> interests)
    {
        var matched = new List<string>();
        foreach (var interest in interests)
        {
            var words = InterestSynonyms.TryGetValue(interest, out var synonyms)
                ? synonyms
                : [interest, interest.TrimEnd('s'), interest.Replace(' ', '-')];
            if (words.Any(w => place.Tags.Contains(w) || place.Category == w || place.Category == w.Replace('-', '_')))
            {
                matched.Add(interest);
            }
        }

        return matched;
    }

    private static double BaseScore(Place place, List<string> interests, TripRequest request)
    {
        var score = 1.0 + (place.Tags.Contains("iconic") ? 2.0 : 0) + (3.0 * Math.Min(2, Matched(place, interests).Count));
        score += place.TicketUsd == 0 ? 0.3 : 0;
        if (request.BudgetLevel == BudgetLevel.Budget)
        {
            score -= 0.4 * place.PriceLevel;
        }

        if (request.Mobility != MobilityLevel.Full)
        {
            score -= place.Tags.Contains("hiking") || place.Category == "nature" ? 2 : 0;
            score += place.Tags.Contains("wheelchair-accessible") ? 1 : 0;
        }

        return score;
    }
}
