using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;

namespace Wayfarer.Grains.Tests;

internal static class TestData
{
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public static UserRegistration Registration(string email) => new(email, "correct horse battery staple", "traveller", "Ada", "Lovelace");

    public static PlanContent Plan(string title = "Lisbon in spring") => new(
        title,
        "Food and tiles",
        ["Lisbon", "Porto"],
        new DateOnly(2027, 4, 1),
        new DateOnly(2027, 4, 7),
        2,
        new PlanBudget(2500m, "EUR"),
        null,
        PlanStatus.Draft,
        new Itinerary([
            new ItineraryDay(new DateOnly(2027, 4, 1), [
                new ItineraryItem(new TimeOnly(9, 0), new TimeOnly(11, 30), "Flight to Lisbon", null, ItemCategory.Flight, null,
                    new Money(180m, "EUR"), null,
                    Flight: new FlightDetails("TP 1234", "TAP", "LHR", "LIS", null, null),
                    Booking: new BookingDetails("ABC123", BookingStatus.Booked)),
                new ItineraryItem(new TimeOnly(15, 0), null, "Alfama walk", "place-1", ItemCategory.Activity, new GeoPoint(38.71, -9.13),
                    null, "Wear good shoes"),
            ]),
        ]));
}
