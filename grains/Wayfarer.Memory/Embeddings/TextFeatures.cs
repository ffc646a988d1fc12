using System.Globalization;
using System.Text;

namespace Wayfarer.Memory.Embeddings;

/// <summary>Turns text into normalised word tokens: lower case, accents removed, English stop words dropped, plurals
/// folded.</summary>
internal static class TextFeatures
{
    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "i", "in", "into", "is", "it",
        "its", "me", "my", "near", "of", "on", "or", "our", "some", "that", "the", "their", "this", "to", "was", "we",
        "were", "what", "where", "which", "with", "want", "like", "find", "show", "good", "best",
    };

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                var token = Stem(folded[start..i]);
                if (!s_stopWords.Contains(token))
                {
                    tokens.Add(token);
                }

                start = -1;
            }
        }

        return tokens;
    }

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(LatinFolding.Fold(c));
            }
        }

        return builder.ToString();
    }

    private static string Stem(string token)
    {
        if (token.Length > 4 && token.EndsWith("ies", StringComparison.Ordinal))
        {
            return string.Concat(token.AsSpan(0, token.Length - 3), "y");
        }

        if (token.Length > 3 && token[^1] == 's' && token[^2] is not ('s' or 'u' or 'i'))
        {
            return token[..^1];
        }

        return token;
    }
}
