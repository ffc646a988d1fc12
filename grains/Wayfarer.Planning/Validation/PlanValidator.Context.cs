using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Planning.Catalog;
using Wayfarer.Planning.Offline;

namespace Wayfarer.Planning.Validation;

public static partial class PlanValidator
{
    private sealed class Context(PlanContent content, ValidationOptions options, PlanningData data)
    {
        public PlanContent Content { get; } = content;

        public ValidationOptions Options { get; } = options;

        public PlanningData Data { get; } = data;

        public List<ValidationIssue> Issues { get; } = [];

        public string Currency { get; } = (content.Budget?.Currency
            ?? content.Itinerary.Days.SelectMany(d => d.Items).Select(i => i.Cost?.Currency).FirstOrDefault(c => c is not null)
            ?? "USD").ToUpperInvariant();

        public int Travelers { get; } = Math.Max(1, content.TravelerCount);

        public MobilityLevel Mobility { get; } = options.Mobility ?? content.Preferences?.Mobility ?? MobilityLevel.Full;

        public void Error(string code, int? day, int? item, string message) => Issues.Add(new(code, ValidationSeverity.Error, day, item, message));

        public void Warning(string code, int? day, int? item, string message) => Issues.Add(new(code, ValidationSeverity.Warning, day, item, message));

        public GeoPoint? LocationOf(ItineraryItem item) =>
            item.Location ?? (Data.Places.Place(item.PlaceId) is { } place ? new GeoPoint(place.Lat, place.Lon) : null);

        public decimal Amount(ItineraryItem item)
        {
            try
            {
                return BudgetMath.AmountIn(item, Currency, Data.Fx);
            }
            catch (PlanningException)
            {
                return item.Cost?.Amount ?? 0;
            }
        }

        public decimal ConvertBudget(PlanBudget budget) =>
            string.Equals(budget.Currency, Currency, StringComparison.OrdinalIgnoreCase) || !Data.Fx.Supports(budget.Currency) || !Data.Fx.Supports(Currency)
                ? budget.Total
                : Data.Fx.Convert(budget.Total, budget.Currency, Currency);
    }
}
