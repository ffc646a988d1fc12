namespace Wayfarer.Client.Infrastructure;

/// <summary>Resource ids: version-7 UUIDs as 32 lower-case hex digits (time-ordered, so key order is creation order).</summary>
internal static class Ids
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static bool IsValid(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
