using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Planning.Catalog;
using Wayfarer.Planning.Validation;

namespace Wayfarer.Planning.Offline;

/// <summary>Plans trips without a language model: deterministic, offline, over the embedded catalogue.</summary>
/// <remarks><see cref="Plan"/> is only the composition of the public steps (<see cref="Resolve"/>,
/// <see cref="AllocateStays"/>, <see cref="EstimateLeg(ResolvedCity, ResolvedCity, DateOnly, TripRequest, LegKind)"/>,
/// <see cref="FrameDays"/>, <see cref="FindCandidates"/>, <see cref="PlanDay"/>, <see cref="FitBudget"/>,
/// <see cref="CheckBudget"/>), so agents calling the steps one by one get the same plan. Thread-safe: every step is a
/// pure function of its inputs and the immutable data.</remarks>
public sealed partial class OfflinePlanner
{
    private readonly PlanningData _data;
    private readonly PlannerOptions _options;

    /// <summary>Creates a planner over the data.</summary>
    public OfflinePlanner(PlanningData data, PlannerOptions? options = null)
    {
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _options = options ?? PlannerOptions.Default;
        _options.Validate();
    }

    /// <summary>A planner over the embedded data with default options.</summary>
    public static OfflinePlanner CreateDefault() => new(PlanningData.Default);

    /// <summary>The data the planner reads.</summary>
    public PlanningData Data => _data;

    /// <summary>Plans a whole trip: every day from start to end, within budget, validated.</summary>
    /// <exception cref="PlanningException">The request cannot be planned (see <see cref="PlanningErrorCodes"/>).</exception>
    public PlannerResult Plan(TripRequest request)
    {
        using var activity = PlannerTelemetry.ActivitySource.StartActivity("plan");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = Compose(request);
            PlannerTelemetry.Plans.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
            return result;
        }
        catch (PlanningException e)
        {
            PlannerTelemetry.Plans.Add(1, new KeyValuePair<string, object?>("outcome", e.Code));
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.Code);
            throw;
        }
        finally
        {
            PlannerTelemetry.PlanDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private PlannerResult Compose(TripRequest request)
    {
        var trip = Resolve(request);
        request = trip.Request;
        var build = BuildAsync(trip, new LocalSteps(this));
        // The local steps complete synchronously.
        var draft = build.IsCompletedSuccessfully ? build.Result : build.AsTask().GetAwaiter().GetResult();
        var content = ToContent(request, draft.Itinerary);
        var report = PlanValidator.Validate(content, ValidationOptions.For(request, _data));
        return new PlannerResult(draft.Itinerary, draft.Budget, draft.Notes, report, content);
    }

    /// <summary>Builds the itinerary of a resolved trip: nights per city, a transport leg for each journey, candidates for
    /// each city, every day planned, then fitted to the budget. The legs, candidates and budget fit come from
    /// <paramref name="steps"/> — this planner itself in <see cref="Plan"/>, or agents doing those steps — so every
    /// caller gets the same composition.</summary>
    public async ValueTask<ItineraryDraft> BuildAsync(ResolvedTrip trip, IPlannerSteps steps)
    {
        ArgumentNullException.ThrowIfNull(trip);
        ArgumentNullException.ThrowIfNull(steps);
        var request = trip.Request;
        var stays = AllocateStays(trip);
        var legs = new List<TransportLeg>(stays.Legs.Count);
        foreach (var leg in stays.Legs)
        {
            legs.Add(await steps.EstimateLegAsync(leg.From, leg.To, leg.Date, request, leg.Kind));
        }

        var frames = FrameDays(trip, stays, legs);
        var candidates = new Dictionary<int, List<PlaceCandidate>>();
        foreach (var stay in stays.Stays)
        {
            if (!candidates.ContainsKey(stay.City.GeonameId))
            {
                var days = frames.Count(f => f.City?.GeonameId == stay.City.GeonameId);
                candidates[stay.City.GeonameId] = [.. await steps.FindCandidatesAsync(stay.City, request, Math.Max(1, days))];
            }
        }

        var dayPlans = new List<DayPlan>();
        foreach (var frame in frames)
        {
            var remaining = frame.City is null ? [] : candidates[frame.City.GeonameId];
            var day = PlanDay(new DayPlanInput(frame.City, frame.Date, remaining, frame.ArrivalLeg, frame.DepartureLeg, frame.Lodging, request, frame.TransitLeg));
            if (frame.City is not null)
            {
                remaining.RemoveAll(c => day.UsedPlaceIds.Contains(c.PlaceId));
            }

            dayPlans.Add(day);
        }

        var fit = await steps.FitBudgetAsync(request, trip, new Itinerary(dayPlans.Select(d => d.Day).ToList()));
        var notes = trip.Notes.Concat(stays.Notes).Concat(legs.SelectMany(l => l.Notes)).Concat(dayPlans.SelectMany(d => d.Notes)).Concat(fit.Changes)
            .Append("All prices, times and durations are offline estimates, not live prices or timetables.")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ItineraryDraft(fit.Itinerary, fit.Budget, notes);
    }

    private sealed class LocalSteps(OfflinePlanner planner) : IPlannerSteps
    {
        public ValueTask<TransportLeg> EstimateLegAsync(ResolvedCity from, ResolvedCity to, DateOnly date, TripRequest request, LegKind kind) =>
            ValueTask.FromResult(planner.EstimateLeg(from, to, date, request, kind));

        public ValueTask<IReadOnlyList<PlaceCandidate>> FindCandidatesAsync(ResolvedCity city, TripRequest request, int days) =>
            ValueTask.FromResult(planner.FindCandidates(city, request, days));

        public ValueTask<BudgetFit> FitBudgetAsync(TripRequest request, ResolvedTrip trip, Itinerary itinerary) =>
            ValueTask.FromResult(planner.FitBudget(request, trip, itinerary));
    }

    /// <summary>The plan content for an itinerary made for a request (title, destinations, dates, travellers, budget,
    /// preferences).</summary>
    public static PlanContent ToContent(TripRequest request, Itinerary itinerary)
    {
        ArgumentNullException.ThrowIfNull(request);
        var title = $"{string.Join(", ", request.Destinations)} ({request.StartDate:yyyy-MM-dd})";
        return new PlanContent(title, "Planned offline by Wayfarer (estimates).", request.Destinations, request.StartDate, request.EndDate,
            request.Travelers, request.Budget is { } budget ? new PlanBudget(budget, request.Currency.ToUpperInvariant()) : null,
            request.ToPreferences(), PlanStatus.Draft, itinerary);
    }

    private Money Price(decimal usd, TripRequest request)
    {
        var currency = request.Currency.ToUpperInvariant();
        return new Money(_data.Fx.RoundPrice(_data.Fx.FromUsd(usd, currency), currency), currency);
    }
}
