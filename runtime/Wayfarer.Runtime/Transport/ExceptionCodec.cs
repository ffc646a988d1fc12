using System.Text.Json;

namespace Wayfarer.Runtime.Transport;

/// <summary>Carries exceptions across the wire: the runtime's own exceptions and common framework ones are recreated
/// with their facts; anything else arrives as <see cref="RemoteGrainException"/>.</summary>
internal static class ExceptionCodec
{
    public static void Write(Utf8JsonWriter writer, Exception exception)
    {
        writer.WriteStartObject();
        writer.WriteString("type", exception.GetType().FullName);
        writer.WriteString("message", exception.Message);
        writer.WriteString("stack", exception.StackTrace);
        writer.WriteBoolean("transient", exception is WayfarerException { IsTransient: true } or GrainCallTimeoutException or SiloUnavailableException);
        switch (exception)
        {
            case DeadlockException deadlock:
                writer.WriteStartArray("chain");
                foreach (var id in deadlock.CallChain)
                {
                    writer.WriteStringValue(id.ToString());
                }

                writer.WriteEndArray();
                break;
            case InconsistentStateException inconsistent:
                writer.WriteString("storedEtag", inconsistent.StoredEtag);
                writer.WriteString("currentEtag", inconsistent.CurrentEtag);
                writer.WriteString("grain", inconsistent.GrainId?.ToString());
                writer.WriteString("state", inconsistent.StateName);
                break;
            case GrainCallTimeoutException timeout:
                writer.WriteString("grain", timeout.Target.ToString());
                writer.WriteString("method", timeout.Method);
                writer.WriteNumber("timeoutMs", timeout.Timeout.TotalMilliseconds);
                break;
            case ObserverNotFoundException observer:
                writer.WriteString("grain", observer.ObserverId.ToString());
                break;
            case ArgumentException argument:
                writer.WriteString("param", argument.ParamName);
                break;
        }

        writer.WriteEndObject();
    }

    public static Exception Read(JsonElement error)
    {
        var type = error.GetProperty("type").GetString() ?? "System.Exception";
        var message = error.GetProperty("message").GetString() ?? string.Empty;
        string? Text(string name) => error.TryGetProperty(name, out var value) ? value.GetString() : null;
        var transient = error.TryGetProperty("transient", out var t) && t.GetBoolean();
        return type switch
        {
            "Wayfarer.Runtime.DeadlockException" => new DeadlockException([.. error.GetProperty("chain").EnumerateArray().Select(e => GrainId.Parse(e.GetString()!))]),
            "Wayfarer.Runtime.InconsistentStateException" => new InconsistentStateException(message, Text("storedEtag"), Text("currentEtag"))
            {
                GrainId = Text("grain") is { } grain ? GrainId.Parse(grain) : null,
                StateName = Text("state"),
            },
            "Wayfarer.Runtime.GrainCallTimeoutException" => new GrainCallTimeoutException(
                GrainId.Parse(Text("grain")!), Text("method") ?? string.Empty, TimeSpan.FromMilliseconds(error.GetProperty("timeoutMs").GetDouble())),
            "Wayfarer.Runtime.SiloUnavailableException" => new SiloUnavailableException(message),
            "Wayfarer.Runtime.ObserverNotFoundException" => new ObserverNotFoundException(GrainId.Parse(Text("grain")!)),
            "System.ArgumentOutOfRangeException" => new ArgumentOutOfRangeException(Text("param"), message),
            "System.ArgumentNullException" => new ArgumentNullException(Text("param"), message),
            "System.ArgumentException" => new ArgumentException(message, Text("param")),
            "System.InvalidOperationException" => new InvalidOperationException(message),
            "System.OperationCanceledException" or "System.Threading.Tasks.TaskCanceledException" => new OperationCanceledException(message),
            "System.TimeoutException" => new TimeoutException(message),
            "System.Collections.Generic.KeyNotFoundException" => new KeyNotFoundException(message),
            "System.NotSupportedException" => new NotSupportedException(message),
            "System.FormatException" => new FormatException(message),
            "System.OverflowException" => new OverflowException(message),
            "System.UnauthorizedAccessException" => new UnauthorizedAccessException(message),
            _ => new RemoteGrainException(type, message, Text("stack"), transient),
        };
    }
}
