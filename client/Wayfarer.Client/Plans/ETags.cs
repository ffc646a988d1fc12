using Microsoft.Net.Http.Headers;

namespace Wayfarer.Client.Plans;

/// <summary>Plan versions as strong ETags (<c>"3"</c>), and If-Match parsing.</summary>
internal static class ETags
{
    public static string Format(int version) => $"\"{version}\"";

    /// <summary>Reads If-Match: no header or <c>*</c> means no expectation; a malformed one is an error.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out int? expectedVersion)
    {
        expectedVersion = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.IsWeak || !int.TryParse(tag.Tag.AsSpan().Trim('"'), out var version))
        {
            return false;
        }

        expectedVersion = version;
        return true;
    }

    public static IResult MalformedIfMatch() =>
        TypedResults.Problem(title: "Malformed If-Match header", detail: "Send the ETag of the plan as read, such as \"3\".", statusCode: StatusCodes.Status400BadRequest);
}
