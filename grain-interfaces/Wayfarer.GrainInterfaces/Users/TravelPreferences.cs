using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Users;

/// <summary>A traveller's structured travel preferences.</summary>
/// <param name="BudgetLevel">How much the traveller likes to spend.</param>
/// <param name="Pace">How full the traveller likes days to be.</param>
/// <param name="Interests">Free-form interests, such as <c>museums</c> or <c>hiking</c>.</param>
/// <param name="DietaryNeeds">Dietary needs, such as <c>vegetarian</c>.</param>
/// <param name="Mobility">Mobility needs.</param>
/// <param name="PreferredTransport">Preferred ways to travel, most preferred first.</param>
[Immutable]
public sealed record TravelPreferences(
    BudgetLevel BudgetLevel,
    TravelPace Pace,
    IReadOnlyList<string> Interests,
    IReadOnlyList<string> DietaryNeeds,
    MobilityLevel Mobility,
    IReadOnlyList<TransportMode> PreferredTransport)
{
    /// <summary>Preferences of a traveller who has not said anything yet.</summary>
    public static TravelPreferences Default { get; } = new(BudgetLevel.Moderate, TravelPace.Balanced, [], [], MobilityLevel.Full, []);
}
