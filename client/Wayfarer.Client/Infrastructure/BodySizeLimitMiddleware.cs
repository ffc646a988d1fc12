using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Wayfarer.Client.Infrastructure;

/// <summary>Refuses bodies over <see cref="ApiOptions.MaxRequestBodyBytes"/> with 413: at once when Content-Length
/// says so, and through the server's body-size feature for chunked bodies.</summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
