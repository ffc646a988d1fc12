using System.Text;

namespace Wayfarer.Planning.Catalog;

/// <summary>Folds names to a comparable key: lower case, accents removed, punctuation as single spaces.</summary>
public static class TextKey
{
    /// <summary>The folded key of a name (<c>"Kraków"</c> and <c>"krakow"</c> give <c>"krakow"</c>).</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = Special(c) ?? char.ToLowerInvariant(c).ToString();
            foreach (var f in folded)
            {
                if (char.IsLetterOrDigit(f))
                {
                    if (pendingSpace && builder.Length > 0)
                    {
                        builder.Append(' ');
                    }

                    pendingSpace = false;
                    builder.Append(f);
                }
                else if (f != '\'' && f != '\u2019')
                {
                    pendingSpace = true;
                }
            }
        }

        return builder.ToString();
    }

    private static string? Special(char c) => c switch
    {
        'ł' or 'Ł' => "l",
        'ø' or 'Ø' => "o",
        'đ' or 'Đ' or 'ð' or 'Ð' => "d",
        'ß' => "ss",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'ı' => "i",
        'þ' or 'Þ' => "th",
        _ => null,
    };

    /// <summary>Levenshtein distance, giving up (returning <paramref name="max"/> + 1) beyond <paramref name="max"/>.</summary>
    public static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
