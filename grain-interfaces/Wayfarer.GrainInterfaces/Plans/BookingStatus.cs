namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>How far the booking of an item has gone.</summary>
public enum BookingStatus
{
    /// <summary>Found in a search; nothing reserved.</summary>
    Searched,

    /// <summary>Reserved, not yet paid.</summary>
    Held,

    /// <summary>Booked.</summary>
    Booked,

    /// <summary>Booking cancelled.</summary>
    Cancelled,
}
