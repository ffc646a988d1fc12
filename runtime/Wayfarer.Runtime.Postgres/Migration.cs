using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Wayfarer.Runtime.Postgres;

/// <summary>One forward-only migration file: <c>NNNN_name.sql</c>.</summary>
/// <remarks>The text is kept with line endings normalised to <c>\n</c> and without a byte-order mark, and
/// <see cref="Checksum"/> is taken over that text, so a checkout with other line endings does not look edited.</remarks>
public sealed partial record Migration
{
    private Migration(int version, string name, string sql, string checksum)
    {
        Version = version;
        Name = name;
        Sql = sql;
        Checksum = checksum;
    }

    /// <summary>The version: the file name's four-digit number.</summary>
    public int Version { get; }

    /// <summary>The file name, such as <c>0001_runtime.sql</c>.</summary>
    public string Name { get; }

    /// <summary>The SQL text, run as is in one transaction.</summary>
    public string Sql { get; }

    /// <summary>The lower-case hexadecimal SHA-256 of the UTF-8 <see cref="Sql"/>.</summary>
    public string Checksum { get; }

    /// <summary>Creates a migration from a file name and its text.</summary>
    /// <param name="fileName">The file name, <c>NNNN_name.sql</c> (four digits, then lower-case letters, digits and underscores).</param>
    /// <param name="text">The file's text.</param>
    /// <returns>The migration.</returns>
    /// <exception cref="MigrationException">The file name does not follow the rule.</exception>
    public static Migration Create(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new MigrationException($"Migration file '{fileName}' is not named NNNN_name.sql (four digits, then lower-case letters, digits and underscores).", fileName);
        }

        var sql = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new Migration(int.Parse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture), fileName, sql, checksum);
    }

    [GeneratedRegex("^([0-9]{4})_[a-z0-9_]+\\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
