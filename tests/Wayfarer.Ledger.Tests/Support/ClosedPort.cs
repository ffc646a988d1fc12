using System.Net;
using System.Net.Sockets;

namespace Wayfarer.Ledger.Tests.Support;

/// <summary>A PostgreSQL connection string to a loopback port nobody listens on: every connection is refused.</summary>
internal static class ClosedPort
{
    public static string ConnectionString()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return $"Host=127.0.0.1;Port={port};Username=nobody;Password=x;Timeout=2;Pooling=false";
    }
}
