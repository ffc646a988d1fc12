using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Grains.Plans;

/// <summary>The invariants every stored plan version keeps; the API validates in detail before calling, this is the
/// grain's own last line.</summary>
internal static class PlanRules
{
    public const int MaxTitleLength = 200;

    public static bool IsValid(PlanContent? content) =>
        content is not null
        && !string.IsNullOrWhiteSpace(content.Title)
        && content.Title.Length <= MaxTitleLength
        && content.TravelerCount >= 1
        && content.Destinations is not null
        && content.Itinerary?.Days is not null
        && (content.StartDate is not { } start || content.EndDate is not { } end || end >= start)
        && (content.Budget is null || content.Budget.Total >= 0);
}
