using System.Text;
using Microsoft.CodeAnalysis;

namespace Wayfarer.Runtime.CodeGen.Analysis;

/// <summary>Turns names into identifier fragments for generated type names.</summary>
/// <remarks>Each fragment keeps letters and digits, doubles '_' and maps every other character to a single '_',
/// so fragments joined with a single '_' stay unique: <c>A.B_C</c> gives <c>A_B__C</c>, <c>A_B.C</c> gives <c>A__B_C</c>.</remarks>
internal static class NameSanitizer
{
    /// <summary>The namespace, containing types and name of <paramref name="type"/> as one fragment.</summary>
    public static string ForType(INamedTypeSymbol type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    /// <summary>One name as a fragment.</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        AppendSanitized(builder, name);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, INamedTypeSymbol type)
    {
        if (type.ContainingType is { } containing)
        {
            Append(builder, containing);
            builder.Append('_');
        }
        else if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
        {
            AppendSanitized(builder, ns.ToDisplayString());
            builder.Append('_');
        }

        AppendSanitized(builder, type.MetadataName);
    }

    private static void AppendSanitized(StringBuilder builder, string name)
    {
        foreach (var c in name)
        {
            if (c == '_')
            {
                builder.Append("__");
            }
            else if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('_');
            }
        }
    }
}
