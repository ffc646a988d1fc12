namespace Wayfarer.Runtime.Storage.Tests.States;

/// <summary><see cref="TripState"/> after a later release dropped fields.</summary>
public sealed class TripNameOnly
{
    public string Name { get; set; } = string.Empty;
}
