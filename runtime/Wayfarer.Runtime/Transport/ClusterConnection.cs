using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Wayfarer.Runtime.Transport;

/// <summary>One long-lived, full-duplex connection to a peer (silo or client). Frames are written by a single writer
/// loop that batches whatever is queued into one flush; responses are correlated to pending requests by id.</summary>
/// <remarks>
/// When the connection breaks, every request still waiting on it fails at once with
/// <see cref="SiloUnavailableException"/>: a caller never waits for its timeout because a peer died.
/// The outbound queue is bounded: a producer that outruns the socket waits (back-pressure).
/// </remarks>
internal sealed class ClusterConnection : IAsyncDisposable
{
    private static long s_nextPingId;
    private readonly IDuplexPipe _pipe;
    private readonly IFrameHandler _handler;
    private readonly ILogger _logger;
    private readonly Channel<(FrameType Type, byte[] Payload, int Length)> _outbound;
    private readonly ConcurrentDictionary<long, IResponseSink> _pending = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<bool>> _pings = new();
    private readonly CancellationTokenSource _closed = new();
    private readonly TaskCompletionSource<Exception?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action? _onDispose;
    private int _closing;

    public ClusterConnection(IDuplexPipe pipe, IFrameHandler handler, ILogger logger, string peer, Action? onDispose = null)
    {
        _pipe = pipe;
        _handler = handler;
        _logger = logger;
        _onDispose = onDispose;
        Peer = peer;
        _outbound = Channel.CreateBounded<(FrameType, byte[], int)>(new BoundedChannelOptions(8192)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Who is at the other end (for logs and errors).</summary>
    public string Peer { get; set; }

    /// <summary>Whatever the owner wants to remember about the peer (its silo address or client id).</summary>
    public object? PeerState { get; set; }

    public bool IsClosed => _closed.IsCancellationRequested;

    /// <summary>True once the peer said it is draining (<see cref="FrameType.GoAway"/>): send new calls elsewhere.</summary>
    public bool IsDraining { get; private set; }

    public int PendingCount => _pending.Count;

    /// <summary>Completes when the connection has closed; carries the error, if any.</summary>
    public Task<Exception?> Completion => _completion.Task;

    /// <summary>Starts the read and write loops.</summary>
    public void Start()
    {
        _ = Task.Run(ReadLoopAsync);
        _ = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues a frame; waits only when the outbound queue is full.</summary>
    public ValueTask SendAsync(FrameType type, ArrayBufferWriter<byte> payload)
        => SendAsync(type, payload.WrittenSpan.ToArray());

    public ValueTask SendAsync(FrameType type, byte[] payload)
    {
        if (IsClosed)
        {
            throw new SiloUnavailableException($"The connection to {Peer} is closed.");
        }

        return _outbound.Writer.TryWrite((type, payload, payload.Length)) ? ValueTask.CompletedTask : SlowSendAsync(type, payload);
    }

    private async ValueTask SlowSendAsync(FrameType type, byte[] payload)
    {
        try
        {
            await _outbound.Writer.WriteAsync((type, payload, payload.Length), _closed.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            throw new SiloUnavailableException($"The connection to {Peer} closed while sending.", exception);
        }
    }

    /// <summary>Registers a response sink and sends the request frame; a sink registered on a closed connection fails at once.</summary>
    public ValueTask SendRequestAsync(long id, FrameType type, byte[] payload, IResponseSink sink)
    {
        _pending[id] = sink;
        if (IsClosed && _pending.TryRemove(id, out _))
        {
            sink.OnConnectionLost(new SiloUnavailableException($"The connection to {Peer} is closed."));
            return ValueTask.CompletedTask;
        }

        return SendAsync(type, payload);
    }

    /// <summary>Forgets a pending request (the caller gave up); returns whether it was still pending.</summary>
    public bool RemovePending(long id) => _pending.TryRemove(id, out _);

    /// <summary>Sends a probe and waits for the answer.</summary>
    public async Task<bool> PingAsync(TimeSpan timeout, TimeProvider timeProvider)
    {
        var id = Interlocked.Increment(ref s_nextPingId);
        var pong = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pings[id] = pong;
        try
        {
            var payload = new ArrayBufferWriter<byte>();
            MessageCodec.WriteId(payload, id);
            await SendAsync(FrameType.Ping, payload);
            return await pong.Task.WaitAsync(timeout, timeProvider);
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException)
        {
            return false;
        }
        finally
        {
            _pings.TryRemove(id, out _);
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception? error = null;
        var reader = _pipe.Input;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_closed.Token);
                var buffer = result.Buffer;
                while (FrameCodec.TryRead(ref buffer, out var type, out var payload))
                {
                    OnFrame(type, payload);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            // Closed by us.
        }
        catch (Exception exception)
        {
            error = exception;
        }

        await CloseAsync(error);
    }

    private void OnFrame(FrameType type, ReadOnlySequence<byte> payload)
    {
        switch (type)
        {
            case FrameType.Response:
                OnResponse(payload);
                break;
            case FrameType.Ping:
                var pong = new ArrayBufferWriter<byte>();
                MessageCodec.WriteId(pong, MessageCodec.ReadId(payload));
                _ = SendSafelyAsync(FrameType.Pong, pong);
                break;
            case FrameType.Pong:
                if (_pings.TryGetValue(MessageCodec.ReadId(payload), out var waiter))
                {
                    waiter.TrySetResult(true);
                }

                break;
            case FrameType.Cancel:
                _handler.OnCancel(this, MessageCodec.ReadId(payload));
                break;
            case FrameType.GoAway:
                IsDraining = true;
                break;
            default:
                _handler.OnRequest(this, type, payload);
                break;
        }
    }

    private void OnResponse(ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        using var document = JsonDocument.ParseValue(ref reader);
        var id = document.RootElement.GetProperty("id").GetInt64();
        if (_pending.TryRemove(id, out var sink))
        {
            sink.OnResponse(document.RootElement, this);
        }
    }

    private async Task SendSafelyAsync(FrameType type, ArrayBufferWriter<byte> payload)
    {
        try
        {
            await SendAsync(type, payload);
        }
        catch (SiloUnavailableException)
        {
            // The connection is closing; the peer will not need the answer.
        }
    }

    private async Task WriteLoopAsync()
    {
        var writer = _pipe.Output;
        var reader = _outbound.Reader;
        Exception? error = null;
        try
        {
            while (await reader.WaitToReadAsync(_closed.Token))
            {
                while (reader.TryRead(out var frame))
                {
                    FrameCodec.Write(writer, frame.Type, frame.Payload.AsSpan(0, frame.Length));
                }

                var flush = await writer.FlushAsync(_closed.Token);
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            // Closed by us.
        }
        catch (Exception exception)
        {
            error = exception;
        }

        await CloseAsync(error);
    }

    /// <summary>Closes the connection and fails everything still waiting on it.</summary>
    public async Task CloseAsync(Exception? error = null)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        if (error is not null)
        {
            TransportLog.ConnectionFailed(_logger, error, Peer);
        }
        else
        {
            TransportLog.ConnectionClosed(_logger, Peer);
        }

        await _closed.CancelAsync();
        _outbound.Writer.TryComplete();
        var lost = new SiloUnavailableException($"The connection to {Peer} broke; the call's outcome is unknown. Retry (the grain is re-placed if its silo died).", error);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var sink))
            {
                sink.OnConnectionLost(lost);
            }
        }

        foreach (var ping in _pings.Values)
        {
            ping.TrySetResult(false);
        }

        try
        {
            await _pipe.Input.CompleteAsync();
            await _pipe.Output.CompleteAsync();
        }
        catch (InvalidOperationException)
        {
            // The transport already completed the pipes.
        }

        _onDispose?.Invoke();
        _handler.OnClosed(this, error);
        _completion.TrySetResult(error);
    }

    public async ValueTask DisposeAsync() => await CloseAsync();
}
