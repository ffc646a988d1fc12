using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Planning.Validation;

/// <summary>Replaces the nulls that deserialised model output may hold where the types promise values (lists,
/// titles), so the validator and the repairer never fail on them.</summary>
internal static class PlanNormalizer
{
    public static PlanContent Normalize(PlanContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var days = content.Itinerary?.Days ?? [];
        var clean = days
            .Where(d => d is not null)
            .Select(d => d with
            {
                Items = (d.Items ?? []).Where(i => i is not null).Select(i => i.Title is null ? i with { Title = "(untitled)" } : i).ToList(),
            })
            .ToList();
        return content with
        {
            Title = content.Title ?? "",
            Destinations = content.Destinations ?? [],
            Itinerary = new Itinerary(clean),
        };
    }
}
