namespace Wayfarer.Runtime.Transport;

/// <summary>The kinds of frame on a cluster connection.</summary>
internal enum FrameType : byte
{
    /// <summary>The first frame each side sends: protocol version, who it is, which cluster.</summary>
    Handshake = 1,

    /// <summary>A grain call expecting a response.</summary>
    Request = 2,

    /// <summary>The response to a request, correlated by id.</summary>
    Response = 3,

    /// <summary>A grain call with no response.</summary>
    OneWay = 4,

    /// <summary>The caller gave up (timeout or cancellation): cancel the callee.</summary>
    Cancel = 5,

    /// <summary>A liveness probe; answered with <see cref="Pong"/>.</summary>
    Ping = 6,

    /// <summary>The answer to a probe.</summary>
    Pong = 7,

    /// <summary>The sender refuses the connection (bad handshake); the payload says why. The connection closes.</summary>
    Reject = 8,

    /// <summary>The sending silo is draining: finish what is in flight, send new calls elsewhere.</summary>
    GoAway = 9,
}
