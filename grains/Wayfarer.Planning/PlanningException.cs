namespace Wayfarer.Planning;

/// <summary>A trip that cannot be planned as asked, with a machine-readable <see cref="Code"/> (see
/// <see cref="PlanningErrorCodes"/>) and suggestions a caller can offer the traveller.</summary>
public sealed class PlanningException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">One of <see cref="PlanningErrorCodes"/>.</param>
    /// <param name="message">What is wrong, for people.</param>
    /// <param name="suggestions">Alternatives (city names, currencies, a minimum budget, ...).</param>
    public PlanningException(string code, string message, IReadOnlyList<string>? suggestions = null)
        : base(message)
    {
        Code = code;
        Suggestions = suggestions ?? [];
    }

    /// <summary>Creates an exception with code <c>invalid_request</c>.</summary>
    public PlanningException()
        : this(PlanningErrorCodes.InvalidRequest, "The request is invalid.")
    {
    }

    /// <summary>Creates an exception with code <c>invalid_request</c>.</summary>
    public PlanningException(string message)
        : this(PlanningErrorCodes.InvalidRequest, message)
    {
    }

    /// <summary>Creates an exception with code <c>invalid_request</c> and an inner exception.</summary>
    public PlanningException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = PlanningErrorCodes.InvalidRequest;
        Suggestions = [];
    }

    /// <summary>The error code, such as <c>unknown_city</c>.</summary>
    public string Code { get; }

    /// <summary>Alternatives to offer.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    /// <summary>For <c>budget_too_low</c>: the smallest total budget that works, in <see cref="MinimumCurrency"/>.</summary>
    public decimal? MinimumBudget { get; init; }

    /// <summary>The currency of <see cref="MinimumBudget"/>.</summary>
    public string? MinimumCurrency { get; init; }

    /// <summary>Always false: planning errors come from the request, so retrying the same request fails again.</summary>
    public bool IsTransient => false;
}
