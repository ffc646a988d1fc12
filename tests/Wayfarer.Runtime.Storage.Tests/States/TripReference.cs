namespace Wayfarer.Runtime.Storage.Tests.States;

/// <summary>A state type without a parameterless constructor.</summary>
public sealed record TripReference(string TripId);
