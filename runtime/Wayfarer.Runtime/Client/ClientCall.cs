using System.Text.Json;
using Wayfarer.Runtime.Transport;

namespace Wayfarer.Runtime.Client;

/// <summary>One call from the client: its response, timeout and cancellation. The first outcome wins.</summary>
internal sealed class ClientCall<TResult> : IResponseSink
{
    private readonly TaskCompletionSource<TResult> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly JsonSerializerOptions _options;
    private ITimer? _timer;
    private CancellationTokenRegistration _registration;
    private ClusterConnection? _connection;
    private int _done;

    public ClientCall(long id, JsonSerializerOptions options)
    {
        Id = id;
        _options = options;
    }

    public long Id { get; }

    public Task<TResult> Task => _response.Task;

    /// <summary>The gateway connection the call was sent on (for cancel frames).</summary>
    public ClusterConnection? Connection
    {
        get => _connection;
        set => _connection = value;
    }

    public void Arm(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken, Func<Exception> timeoutError)
    {
        _timer = time.CreateTimer(static s => { var (c, e) = ((ClientCall<TResult>, Func<Exception>))s!; c.Finish(e(), cancelRemote: true); }, (this, timeoutError), timeout, Timeout.InfiniteTimeSpan);
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(static (s, ct) => ((ClientCall<TResult>)s!).Finish(new OperationCanceledException(ct), cancelRemote: true), this);
        }
    }

    public void OnResponse(JsonElement response, ClusterConnection connection)
    {
        if (response.TryGetProperty("error", out var error))
        {
            Finish(ExceptionCodec.Read(error), cancelRemote: false);
            return;
        }

        TResult result;
        try
        {
            result = response.GetProperty("result").Deserialize<TResult>(_options)!;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            Finish(new WayfarerException($"A response from {connection.Peer} could not be read: {exception.Message}", exception), cancelRemote: false);
            return;
        }

        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            Cleanup();
            _response.TrySetResult(result);
        }
    }

    public void OnConnectionLost(Exception exception) => Finish(exception, cancelRemote: false);

    public void Finish(Exception exception, bool cancelRemote)
    {
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return;
        }

        Cleanup();
        if (cancelRemote && _connection is { } connection && connection.RemovePending(Id))
        {
            var payload = new System.Buffers.ArrayBufferWriter<byte>();
            MessageCodec.WriteId(payload, Id);
            _ = connection.SendAsync(FrameType.Cancel, payload).AsTask().ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }

        if (exception is OperationCanceledException canceled)
        {
            _response.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _response.TrySetException(exception);
        }
    }

    private void Cleanup()
    {
        _timer?.Dispose();
        _registration.Unregister();
    }
}
