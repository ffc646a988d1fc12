namespace Wayfarer.Client.Runs;

/// <summary>Totals of the cost rows of a run.</summary>
public sealed record RunCosts(decimal TotalUsd, long PromptTokens, long CompletionTokens, long Calls)
{
    /// <summary>Always <c>USD</c>.</summary>
    public string Currency => "USD";
}
