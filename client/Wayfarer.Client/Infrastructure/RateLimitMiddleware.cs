using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Wayfarer.Client.Infrastructure;

/// <summary>Applies the per-IP limit to every API request and the per-user limit to authenticated ones; over either,
/// the answer is 429 with <c>Retry-After</c>. Health and OpenAPI endpoints are not limited. If Redis is unreachable the
/// request is let through (and logged): an outage of the limiter must not become an outage of the API.</summary>
internal sealed partial class RateLimitMiddleware(RequestDelegate next, RedisRateLimiter limiter, RedisKeys keys, IOptions<RateLimitOptions> options,
    IProblemDetailsService problems, ApiMetrics metrics, ILogger<RateLimitMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        TimeSpan? wait;
        var limit = "ip";
        try
        {
            var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            wait = await limiter.HitAsync(keys.IpRate(ip), options.Value.IpPermitLimit);
            if (wait is null && context.User.Identity?.IsAuthenticated == true)
            {
                limit = "user";
                wait = await limiter.HitAsync(keys.UserRate(context.User.UserId()), options.Value.UserPermitLimit);
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogLimiterUnavailable(logger, exception);
            wait = null;
        }

        if (wait is { } retryAfter)
        {
            metrics.RateLimited(limit);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 429, Title = "Too many requests", Detail = $"Retry after {Math.Ceiling(retryAfter.TotalSeconds)} seconds." },
            });
            return;
        }

        await next(context);
    }

    [LoggerMessage(EventId = 1, EventName = "RateLimiterUnavailable", Level = LogLevel.Warning, Message = "Rate limiter unavailable (Redis); request allowed")]
    private static partial void LogLimiterUnavailable(ILogger logger, Exception exception);
}
