using System.Globalization;
using Wayfarer.Client.Infrastructure;
using Wayfarer.Client.Plans;
using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Costs;

/// <summary>The caller's model spend (grouped by day, plan, agent or model; per plan) and spend limits. Every answer is
/// about the authenticated caller only: queries run under row-level security keyed by the caller, and the ledger grain
/// is the caller's.</summary>
internal static class CostsApi
{
    public const int MaxRangeDays = 366;

    public static IEndpointRouteBuilder MapCostsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Costs").RequireAuthorization();
        group.MapGet("/costs", CostsAsync).WithName("Costs")
            .WithSummary("The caller's model spend over a range of UTC days, grouped by day, plan, agent or model.")
            .Produces<CostReport>().ProducesValidationProblem();
        group.MapGet("/plans/{id}/costs", PlanCostsAsync).WithName("PlanCosts")
            .WithSummary("The caller's model spend on a plan the caller may see.")
            .Produces<PlanCosts>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/users/me/limits", GetLimitsAsync).WithName("GetSpendLimits")
            .WithSummary("The caller's spend limits and today's spend.")
            .Produces<LimitsResponse>();
        group.MapPut("/users/me/limits", PutLimitsAsync).WithName("SetSpendLimits")
            .WithSummary("Replaces the caller's spend limits (null: no limit).")
            .Produces<LimitsResponse>().ProducesValidationProblem();
        return routes;
    }

    private static async Task<IResult> CostsAsync(HttpContext context, CostQueries queries, TimeProvider clock, string? from, string? to, string? groupBy, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var last = Day(errors, "to", to) ?? today;
        var first = Day(errors, "from", from) ?? last.AddDays(-29);
        var grouping = string.IsNullOrEmpty(groupBy) ? "day" : groupBy;
        if (!CostQueries.Groupings.Contains(grouping))
        {
            errors.Add("groupBy", $"must be one of {string.Join(", ", CostQueries.Groupings)}.");
        }

        if (errors.IsValid && first > last)
        {
            errors.Add("from", "must not be after 'to'.");
        }
        else if (errors.IsValid && last.DayNumber - first.DayNumber >= MaxRangeDays)
        {
            errors.Add("from", $"the range must be at most {MaxRangeDays} days.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var items = await queries.GroupAsync(context.User.UserId(), grouping, first, last, ct);
        return TypedResults.Ok(CostReport.Create(first, last, grouping, items));
    }

    private static async Task<IResult> PlanCostsAsync(string id, HttpContext context, IGrainFactory grains, CostQueries queries, CancellationToken ct)
    {
        var userId = context.User.UserId();
        var access = await PlanResults.VisibleAsync(grains, id, context);
        if (access.Plan is not { } plan)
        {
            return access.Refusal!;
        }

        var (byModel, byAgent) = await queries.PlanAsync(userId, id, ct);
        var limits = await grains.GetGrain<IUserLedgerGrain>(userId).GetLimits();
        return TypedResults.Ok(new PlanCosts(id, byModel.Sum(g => g.CostUsd), byModel.Sum(g => g.PromptTokens), byModel.Sum(g => g.CompletionTokens),
            byModel.Sum(g => g.Calls), limits.PerPlanUsd, byModel, byAgent));
    }

    private static async Task<IResult> GetLimitsAsync(HttpContext context, IGrainFactory grains) =>
        TypedResults.Ok(LimitsResponse.From(await grains.GetGrain<IUserLedgerGrain>(context.User.UserId()).GetSpend(null)));

    private static async Task<IResult> PutLimitsAsync(LimitsRequest? request, HttpContext context, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (request is null)
        {
            errors.Add("body", "is required.");
            return errors.ToProblem();
        }

        Limit(errors, "dailyUsd", request.DailyUsd);
        Limit(errors, "perPlanUsd", request.PerPlanUsd);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var ledger = grains.GetGrain<IUserLedgerGrain>(context.User.UserId());
        await ledger.SetLimits(new SpendLimits(request.DailyUsd, request.PerPlanUsd));
        return TypedResults.Ok(LimitsResponse.From(await ledger.GetSpend(null)));
    }

    private static void Limit(ValidationErrors errors, string field, decimal? value)
    {
        if (value is < 0 or > SpendLimits.MaxUsd)
        {
            errors.Add(field, $"must be between 0 and {SpendLimits.MaxUsd} (or null for no limit).");
        }
        else if (value is { } usd && usd.Scale > 6 && decimal.Round(usd, 6) != usd)
        {
            errors.Add(field, "must have at most 6 decimal places.");
        }
    }

    private static DateOnly? Day(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, "must be a date as yyyy-MM-dd.");
        return null;
    }
}
