using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Users;

/// <summary>The outcome of a user command and, when it succeeded, the user afterwards.</summary>
/// <param name="Outcome">How the command ended.</param>
/// <param name="User">The user after the command; null unless <paramref name="Outcome"/> is <see cref="UserOutcome.Ok"/>.</param>
[Immutable]
public sealed record UserResult(UserOutcome Outcome, UserSnapshot? User)
{
    /// <summary>A failed outcome without a user.</summary>
    public static UserResult Fail(UserOutcome outcome) => new(outcome, null);
}
