using Wayfarer.Client.Infrastructure;
using Wayfarer.Client.Users;
using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Client.Plans;

/// <summary>Field-level validation of plan requests and of the content they produce.</summary>
internal static class PlanValidation
{
    public const int MaxDays = 366;
    public const int MaxItemsPerDay = 100;
    private const decimal MaxAmount = 1_000_000_000_000m;

    public static ValidationErrors Request(PlanRequest r, bool creating)
    {
        var errors = new ValidationErrors();
        errors.Text("title", r.Title, 200, required: creating);
        if (!creating && r.Title is not null && string.IsNullOrWhiteSpace(r.Title))
        {
            errors.Add("title", "must not be empty.");
        }

        errors.Text("description", r.Description, 5000);
        if (r.Destinations is { } destinations)
        {
            if (destinations.Count > 50)
            {
                errors.Add("destinations", "must have at most 50 entries.");
            }

            for (var i = 0; i < Math.Min(destinations.Count, 50); i++)
            {
                errors.Text($"destinations[{i}]", destinations[i], 200, required: true);
            }
        }

        if (r.TravelerCount is < 1 or > 100)
        {
            errors.Add("travelerCount", "must be between 1 and 100.");
        }

        if (r.Budget is { } budget)
        {
            Amount(errors, "budget.total", budget.Total);
            Currency(errors, "budget.currency", budget.Currency);
        }

        if (r.Preferences is { } preferences && !UserValidation.Preferences(preferences).IsValid)
        {
            errors.Add("preferences", "are invalid (lists required, at most 50 entries of 50 characters).");
        }

        if (r.Itinerary is { } itinerary)
        {
            Itinerary(errors, itinerary);
        }

        return errors;
    }

    /// <summary>Cross-field rules on the content a request would store.</summary>
    public static void Content(ValidationErrors errors, PlanContent content)
    {
        if (content.StartDate is { } start && content.EndDate is { } end && end < start)
        {
            errors.Add("endDate", "must not be before startDate.");
        }

        if (content.StartDate is { } first && content.EndDate is { } last && last.DayNumber - first.DayNumber >= MaxDays)
        {
            errors.Add("endDate", $"must be within {MaxDays} days of startDate.");
        }
    }

    private static void Itinerary(ValidationErrors errors, Itinerary itinerary)
    {
        if (itinerary.Days is null || itinerary.Days.Count > MaxDays)
        {
            errors.Add("itinerary.days", $"is required (at most {MaxDays} days).");
            return;
        }

        for (var d = 0; d < itinerary.Days.Count; d++)
        {
            var day = itinerary.Days[d];
            var path = $"itinerary.days[{d}]";
            if (day is null || day.Items is null || day.Items.Count > MaxItemsPerDay)
            {
                errors.Add($"{path}.items", $"is required (at most {MaxItemsPerDay} items).");
                continue;
            }

            for (var i = 0; i < day.Items.Count; i++)
            {
                Item(errors, $"{path}.items[{i}]", day.Items[i]);
            }
        }
    }

    private static void Item(ValidationErrors errors, string path, ItineraryItem? item)
    {
        if (item is null)
        {
            errors.Add(path, "is required.");
            return;
        }

        errors.Text($"{path}.title", item.Title, 200, required: true);
        errors.Text($"{path}.placeId", item.PlaceId, 200);
        errors.Text($"{path}.notes", item.Notes, 5000);
        if (item.Start is { } start && item.End is { } end && end < start && item.Category != ItemCategory.Flight)
        {
            errors.Add($"{path}.end", "must not be before start.");
        }

        if (item.Location is { } location && (location.Lat is < -90 or > 90 || location.Lon is < -180 or > 180 || double.IsNaN(location.Lat) || double.IsNaN(location.Lon)))
        {
            errors.Add($"{path}.location", "must have lat in [-90, 90] and lon in [-180, 180].");
        }

        if (item.Cost is { } cost)
        {
            Amount(errors, $"{path}.cost.amount", cost.Amount);
            Currency(errors, $"{path}.cost.currency", cost.Currency);
        }

        if (item.Flight is { } flight)
        {
            errors.Text($"{path}.flight.flightNumber", flight.FlightNumber, 20);
            errors.Text($"{path}.flight.airline", flight.Airline, 100);
            Airport(errors, $"{path}.flight.departureAirport", flight.DepartureAirport);
            Airport(errors, $"{path}.flight.arrivalAirport", flight.ArrivalAirport);
        }

        if (item.Lodging is { } lodging)
        {
            errors.Text($"{path}.lodging.name", lodging.Name, 200);
            errors.Text($"{path}.lodging.address", lodging.Address, 500);
            if (lodging.CheckIn is { } checkIn && lodging.CheckOut is { } checkOut && checkOut < checkIn)
            {
                errors.Add($"{path}.lodging.checkOut", "must not be before checkIn.");
            }
        }

        if (item.Booking is { } booking)
        {
            errors.Text($"{path}.booking.reference", booking.Reference, 100);
        }
    }

    private static void Amount(ValidationErrors errors, string field, decimal amount)
    {
        if (amount < 0 || amount > MaxAmount)
        {
            errors.Add(field, "must be between 0 and 10^12.");
        }
    }

    private static void Currency(ValidationErrors errors, string field, string? code)
    {
        if (!Currencies.IsKnown(code?.ToUpperInvariant()))
        {
            errors.Add(field, "must be an ISO 4217 currency code such as EUR.");
        }
    }

    private static void Airport(ValidationErrors errors, string field, string? code)
    {
        if (code is not null && (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)))
        {
            errors.Add(field, "must be a three-letter IATA code in upper case.");
        }
    }
}
