using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;

namespace Wayfarer.Planning.Offline;

/// <summary>Where the travellers sleep in one city (an estimate, not a booking).</summary>
/// <param name="GeonameId">The city.</param>
/// <param name="Name">Description such as "Moderate hotel in central Paris".</param>
/// <param name="Level">Price level.</param>
/// <param name="Rooms">Rooms: one per two travellers.</param>
/// <param name="PerNight">Cost per night for all rooms, request currency.</param>
/// <param name="CheckIn">Check-in date.</param>
/// <param name="CheckOut">Check-out date.</param>
/// <param name="Location">City centre.</param>
public sealed record LodgingChoice(
    int GeonameId,
    string Name,
    BudgetLevel Level,
    int Rooms,
    Money PerNight,
    DateOnly CheckIn,
    DateOnly CheckOut,
    GeoPoint Location);
