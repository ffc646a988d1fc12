using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>An amount of money.</summary>
/// <param name="Amount">The amount; never negative.</param>
/// <param name="Currency">ISO 4217 code, upper case.</param>
[Immutable]
public sealed record Money(decimal Amount, string Currency);
