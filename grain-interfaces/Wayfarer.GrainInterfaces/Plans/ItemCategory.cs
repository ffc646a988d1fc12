namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>The kind of an itinerary item.</summary>
public enum ItemCategory
{
    /// <summary>Something to do or see.</summary>
    Activity,

    /// <summary>A flight.</summary>
    Flight,

    /// <summary>A place to stay.</summary>
    Lodging,

    /// <summary>Ground or sea transport.</summary>
    Transport,

    /// <summary>A meal.</summary>
    Dining,

    /// <summary>Anything else.</summary>
    Other,
}
