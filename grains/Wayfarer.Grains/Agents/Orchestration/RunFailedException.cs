using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>Ends a run as failed with a code and a message for the traveller.</summary>
public sealed class RunFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RunFailedException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception.</summary>
    public RunFailedException()
        : this("run_failed", "The run failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public RunFailedException(string message)
        : this("run_failed", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RunFailedException(string message, Exception innerException)
        : base(message, innerException) => Code = "run_failed";

    /// <summary>A stable error code, such as <c>no_model</c>, <c>spend_cap</c>, <c>unknown_city</c>, <c>budget_too_low</c>.</summary>
    public string Code { get; }
}
