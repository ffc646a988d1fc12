using Wayfarer.Client.Infrastructure;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Grains.Agents;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Agents;

internal static partial class AgentsApi
{
    private static DoubleTextPolicy ParsePolicy(string? value, ValidationErrors errors)
    {
        switch (value?.ToLowerInvariant())
        {
            case null or "reject":
                return DoubleTextPolicy.Reject;
            case "enqueue":
                return DoubleTextPolicy.Enqueue;
            case "interrupt":
                return DoubleTextPolicy.Interrupt;
            case "rollback":
                return DoubleTextPolicy.Rollback;
            default:
                errors.Add("policy", "must be reject, enqueue, interrupt or rollback.");
                return DoubleTextPolicy.Reject;
        }
    }

    private static RunMode ParseMode(string? value, ValidationErrors errors)
    {
        switch (value?.ToLowerInvariant())
        {
            case null or "auto":
                return RunMode.Auto;
            case "offline":
                return RunMode.Offline;
            case "model":
                return RunMode.Model;
            default:
                errors.Add("mode", "must be auto, offline or model.");
                return RunMode.Auto;
        }
    }

    private static TripOverrides? ParseOverrides(GenerateRequest request, ValidationErrors errors)
    {
        if (request.Destinations is { } destinations && (destinations.Count is 0 or > 6 || destinations.Any(d => string.IsNullOrWhiteSpace(d) || d.Length > 100)))
        {
            errors.Add("destinations", "must list 1 to 6 places of at most 100 characters.");
        }

        if (request.Origin is { Length: > 100 })
        {
            errors.Add("origin", "must be at most 100 characters.");
        }

        if (request.StartDate is { } start && request.EndDate is { } end && end < start)
        {
            errors.Add("endDate", "must not be before startDate.");
        }

        if (request.Travelers is < 1 or > 50)
        {
            errors.Add("travelers", "must be between 1 and 50.");
        }

        if (request.Budget is < 0 or > 10_000_000)
        {
            errors.Add("budget", "must be between 0 and 10000000.");
        }

        if (request.DailyBudget is < 0 or > 1_000_000)
        {
            errors.Add("dailyBudget", "must be between 0 and 1000000.");
        }

        if (request.Currency is { } currency && !Currencies.IsKnown(currency))
        {
            errors.Add("currency", "must be an ISO 4217 code such as EUR.");
        }

        if (request.Interests is { } interests && (interests.Count > 20 || interests.Any(i => string.IsNullOrWhiteSpace(i) || i.Length > 40)))
        {
            errors.Add("interests", "must list at most 20 interests of at most 40 characters.");
        }

        TravelPace? pace = null;
        if (request.Pace is { } paceText)
        {
            if (Enum.TryParse<TravelPace>(paceText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                pace = parsed;
            }
            else
            {
                errors.Add("pace", "must be relaxed, balanced or packed.");
            }
        }

        BudgetLevel? level = null;
        if (request.BudgetLevel is { } levelText)
        {
            if (Enum.TryParse<BudgetLevel>(levelText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                level = parsed;
            }
            else
            {
                errors.Add("budgetLevel", "must be budget, moderate or luxury.");
            }
        }

        var any = request.Destinations is not null || request.Origin is not null || request.StartDate is not null || request.EndDate is not null || request.Travelers is not null
            || request.Budget is not null || request.DailyBudget is not null || request.Currency is not null || request.Interests is not null || pace is not null || level is not null;
        return any
            ? new TripOverrides(request.Destinations, request.Origin, request.StartDate, request.EndDate, request.Travelers, request.Budget, request.DailyBudget,
                request.Currency, request.Interests, pace, level)
            : null;
    }
}
