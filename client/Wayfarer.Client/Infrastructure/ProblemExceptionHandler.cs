using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Infrastructure;

/// <summary>Turns bad input that fails before an endpoint runs (malformed JSON, wrong types, oversize bodies) into
/// RFC 7807 answers with a 4xx status; anything else is a 500 problem without internals.</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Request body too large", "The request body exceeds the size limit."),
            BadHttpRequestException bad when bad.InnerException is JsonException json => (400, "Malformed request body", Describe(json)),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            JsonException json => (400, "Malformed request body", Describe(json)),
            WayfarerException { IsTransient: true } => (503, "Temporarily unavailable", "A transient failure interrupted the request; retry it."),
            _ => (500, "Internal error", "The request failed; it has been logged."),
        };
        if (status == 503)
        {
            LogTransient(logger, exception, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "1";
        }
        else if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(JsonException json) =>
        json.Path is { Length: > 0 } path ? $"Invalid JSON at '{path}'." : "The request body is not valid JSON.";

    [LoggerMessage(EventId = 1, EventName = "UnhandledException", Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 2, EventName = "TransientFailure", Level = LogLevel.Warning, Message = "Transient failure on {Path}; answered 503")]
    private static partial void LogTransient(ILogger logger, Exception exception, string path);
}
