using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Wayfarer.Runtime.Redis;

/// <summary>Opens the connection a Redis provider owns, logging its failures and recoveries.</summary>
internal static partial class RedisConnectionFactory
{
    /// <summary>Connects with <c>abortConnect=false</c>: when Redis is down this returns after the connect timeout with a
    /// connection that keeps retrying in the background, and commands fail with transient errors until it succeeds.</summary>
    public static ConnectionMultiplexer Connect(string connectionString, string provider, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        var connection = ConnectionMultiplexer.Connect(options);
        connection.ConnectionFailed += (_, e) =>
            LogConnectionFailed(logger, provider, e.EndPoint?.ToString() ?? "?", e.ConnectionType.ToString(), e.FailureType.ToString(), e.Exception);
        connection.ConnectionRestored += (_, e) =>
            LogConnectionRestored(logger, provider, e.EndPoint?.ToString() ?? "?", e.ConnectionType.ToString());
        if (!connection.IsConnected)
        {
            LogNotConnectedAtStart(logger, provider, string.Join(", ", options.EndPoints.Select(endPoint => endPoint.ToString())));
        }

        return connection;
    }

    [LoggerMessage(EventId = 100, EventName = "RedisConnectionFailed", Level = LogLevel.Warning,
        Message = "Redis connection of the {Provider} to {EndPoint} ({ConnectionType}) failed: {FailureType}; reconnecting in the background.")]
    private static partial void LogConnectionFailed(ILogger logger, string provider, string endPoint, string connectionType, string failureType, Exception? exception);

    [LoggerMessage(EventId = 101, EventName = "RedisConnectionRestored", Level = LogLevel.Information,
        Message = "Redis connection of the {Provider} to {EndPoint} ({ConnectionType}) restored.")]
    private static partial void LogConnectionRestored(ILogger logger, string provider, string endPoint, string connectionType);

    [LoggerMessage(EventId = 102, EventName = "RedisNotConnectedAtStart", Level = LogLevel.Warning,
        Message = "Redis for the {Provider} ({EndPoints}) did not answer at start-up; connecting in the background.")]
    private static partial void LogNotConnectedAtStart(ILogger logger, string provider, string endPoints);
}
