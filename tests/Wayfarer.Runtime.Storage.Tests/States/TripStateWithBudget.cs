namespace Wayfarer.Runtime.Storage.Tests.States;

/// <summary><see cref="TripState"/> after a later release added a field with a default.</summary>
public sealed class TripStateWithBudget
{
    public string Name { get; set; } = string.Empty;

    public int Nights { get; set; }

    public List<string> Stops { get; set; } = [];

    public decimal Budget { get; set; } = 500m;
}
