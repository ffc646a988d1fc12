namespace Wayfarer.Planning.Catalog;

using Wayfarer.GrainInterfaces.Users;

/// <summary>One price for each budget level, in USD.</summary>
/// <param name="Budget">At budget level.</param>
/// <param name="Moderate">At moderate level.</param>
/// <param name="Luxury">At luxury level.</param>
public sealed record PriceTriple(decimal Budget, decimal Moderate, decimal Luxury)
{
    /// <summary>The price at a level.</summary>
    public decimal At(BudgetLevel level) => level switch
    {
        BudgetLevel.Budget => Budget,
        BudgetLevel.Luxury => Luxury,
        _ => Moderate,
    };
}
