using System.Net.Http.Json;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

/// <summary>Plan request bodies and helpers.</summary>
internal static class Plans
{
    public static object Body(string title = "Lisbon in spring") => new
    {
        title,
        description = "Food and tiles",
        destinations = new[] { "Lisbon", "Porto" },
        startDate = "2027-04-01",
        endDate = "2027-04-07",
        travelerCount = 2,
        budget = new { total = 2500, currency = "EUR" },
        status = "draft",
        itinerary = new
        {
            days = new[]
            {
                new
                {
                    date = "2027-04-01",
                    items = new object[]
                    {
                        new { start = "09:00:00", end = "11:30:00", title = "Flight to Lisbon", category = "flight", cost = new { amount = 180, currency = "EUR" },
                              flight = new { flightNumber = "TP 1234", departureAirport = "LHR", arrivalAirport = "LIS" }, booking = new { reference = "ABC123", status = "booked" } },
                        new { start = "15:00:00", title = "Alfama walk", placeId = "place-1", category = "activity", location = new { lat = 38.71, lon = -9.13 }, notes = "Good shoes" },
                    },
                },
            },
        },
    };

    public static async Task<JsonElement> CreateAsync(TestUser user, string title = "Lisbon in spring")
    {
        var response = await user.Client.PostAsJsonAsync("/api/plans", Body(title));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
