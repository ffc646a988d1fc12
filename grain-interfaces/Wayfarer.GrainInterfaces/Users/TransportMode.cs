namespace Wayfarer.GrainInterfaces.Users;

/// <summary>A way to travel.</summary>
public enum TransportMode
{
    /// <summary>Aeroplane.</summary>
    Flight,

    /// <summary>Train.</summary>
    Train,

    /// <summary>Bus or coach.</summary>
    Bus,

    /// <summary>Car (own or rented).</summary>
    Car,

    /// <summary>Ferry or boat.</summary>
    Ferry,

    /// <summary>Bicycle.</summary>
    Bicycle,

    /// <summary>On foot.</summary>
    Walking,
}
