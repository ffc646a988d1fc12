using System.Net;
using System.Net.Sockets;

namespace Wayfarer.Testing;

internal static class FreePort
{
    /// <summary>
    /// A loopback port that was free a moment ago. Another process may take it before the server binds,
    /// so callers retry with a fresh port when the server reports the address in use.
    /// </summary>
    internal static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    internal static bool IsListening(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
