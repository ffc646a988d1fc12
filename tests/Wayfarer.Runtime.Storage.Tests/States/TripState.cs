namespace Wayfarer.Runtime.Storage.Tests.States;

public sealed class TripState
{
    public string Name { get; set; } = string.Empty;

    public int Nights { get; set; }

    public List<string> Stops { get; set; } = [];
}
