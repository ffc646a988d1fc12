using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Sessions;

/// <summary>The outcome of a session call and its value when it succeeded.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Outcome">How the call ended.</param>
/// <param name="Value">The value; null unless <paramref name="Outcome"/> is <see cref="SessionOutcome.Ok"/>.</param>
[Immutable]
public sealed record SessionResult<T>(SessionOutcome Outcome, T? Value)
    where T : class;
