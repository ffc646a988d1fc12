namespace Wayfarer.GrainInterfaces.Users;

/// <summary>How much a traveller likes to spend.</summary>
public enum BudgetLevel
{
    /// <summary>As little as possible.</summary>
    Budget,

    /// <summary>Comfortable but careful.</summary>
    Moderate,

    /// <summary>Comfort first.</summary>
    Luxury,
}
