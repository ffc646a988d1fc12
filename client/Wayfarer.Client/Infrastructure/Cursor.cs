using System.Buffers.Text;
using System.Text;

namespace Wayfarer.Client.Infrastructure;

/// <summary>Opaque pagination cursors (base64url of the last key seen) and page-size limits.</summary>
internal static class Cursor
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    /// <summary>Decodes a cursor; false when it is malformed.</summary>
    public static bool TryDecode(string? cursor, out string? key)
    {
        key = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        if (cursor.Length > 200 || !Base64Url.IsValid(cursor))
        {
            return false;
        }

        key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return true;
    }

    /// <summary>Validates the paging query; adds field errors for a bad cursor or limit.</summary>
    public static (string? After, int Limit) Read(string? cursor, int? limit, ValidationErrors errors)
    {
        if (!TryDecode(cursor, out var after))
        {
            errors.Add("cursor", "is not a valid cursor.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"must be between 1 and {MaxLimit}.");
        }

        return (after, limit ?? DefaultLimit);
    }
}
