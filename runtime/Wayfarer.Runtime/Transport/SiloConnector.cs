using System.IO.Pipelines;
using System.Net.Sockets;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Transport;

/// <summary>Opens an outbound connection to one silo incarnation: TCP connect, handshake, and a check that the silo
/// answering is that incarnation (not a restart on the same endpoint). Used by silos and by the cluster client.</summary>
internal static class SiloConnector
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    /// <summary>Connects and shakes hands; the caller owns the returned pipes.</summary>
    /// <exception cref="SiloUnreachableException">Nothing usable answered; nothing was sent but the handshake.</exception>
    public static async Task<(IDuplexPipe Pipe, Handshake Answer)> ConnectAsync(SiloAddress silo, Handshake hello, CancellationToken stopping)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(s_timeout);
            await socket.ConnectAsync(silo.Host, silo.Port, timeout.Token);
            var pipe = new DuplexStreamPipe(new NetworkStream(socket, ownsSocket: true));
            await HandshakeIO.WriteAsync(pipe.Output, FrameType.Handshake, hello, timeout.Token);
            var (type, answer) = await HandshakeIO.ReadAsync(pipe.Input, timeout.Token);
            if (type == FrameType.Reject)
            {
                throw new SiloUnavailableException($"{silo} refused the connection: {answer.Reason}");
            }

            if (answer.Silo != silo.ToString())
            {
                throw new SiloUnavailableException($"{silo.Endpoint} is now {answer.Silo}: the silo {silo} is gone.");
            }

            return (pipe, answer);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or IOException
            or InvalidDataException or System.Text.Json.JsonException or SiloUnavailableException)
        {
            socket.Dispose();
            throw new SiloUnreachableException(silo, exception.Message, exception);
        }
    }
}
