using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Wayfarer.Runtime.CodeGen.Analysis;

/// <summary>Renders types and names as C# source text for generated code.</summary>
internal static class TypeNames
{
    /// <summary>Fully qualified (<c>global::</c>), keyword-escaped, with nullable reference annotations.</summary>
    private static readonly SymbolDisplayFormat s_annotated = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The type as written in a field, signature or type argument.</summary>
    public static string Annotated(ITypeSymbol type) => type.ToDisplayString(s_annotated);

    /// <summary>The type of a field holding a value of <paramref name="type"/>: as annotated, except <c>object</c> for a
    /// top-level <c>dynamic</c>, so that generated code never makes dynamically bound calls.</summary>
    public static string ForField(ITypeSymbol type)
        => type.TypeKind == TypeKind.Dynamic
            ? (type.NullableAnnotation == NullableAnnotation.Annotated ? "object?" : "object")
            : Annotated(type);

    /// <summary>The type as written inside <c>typeof(...)</c>: no nullable reference annotations (at any depth),
    /// <c>dynamic</c> as <c>object</c> and tuples as <c>ValueTuple</c>, which is the runtime type.</summary>
    public static string ForTypeOf(ITypeSymbol type)
    {
        switch (type)
        {
            case IDynamicTypeSymbol:
                return "object";
            case IArrayTypeSymbol array:
                return ArrayForTypeOf(array);
            case INamedTypeSymbol named when named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T:
                return ForTypeOf(named.TypeArguments[0]) + "?";
            case INamedTypeSymbol named when IsGenericAnywhere(named):
                return GenericForTypeOf(named);
            default:
                return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        }
    }

    /// <summary>The symbol name as a C# identifier, escaping keywords with <c>@</c>.</summary>
    public static string Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.UnderscoreToken
            ? "@" + name
            : name;

    /// <summary>A C# string literal holding <paramref name="value"/>.</summary>
    public static string StringLiteral(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static bool IsGenericAnywhere(INamedTypeSymbol named)
    {
        for (var current = named; current is not null; current = current.ContainingType)
        {
            if (current.TypeArguments.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    // int[][,] is a one-dimensional array of two-dimensional arrays: rank specifiers are written outermost first.
    private static string ArrayForTypeOf(IArrayTypeSymbol array)
    {
        var ranks = new StringBuilder();
        ITypeSymbol element = array;
        while (element is IArrayTypeSymbol current)
        {
            ranks.Append('[').Append(',', current.Rank - 1).Append(']');
            element = current.ElementType;
        }

        return ForTypeOf(element) + ranks;
    }

    private static string GenericForTypeOf(INamedTypeSymbol named)
    {
        var prefix = named.ContainingType is { } containing
            ? ForTypeOf(containing) + "."
            : named.ContainingNamespace is { IsGlobalNamespace: false } ns
                ? ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "."
                : "global::";
        var text = prefix + Identifier(named.Name);
        return named.TypeArguments.Length == 0
            ? text
            : text + "<" + string.Join(", ", named.TypeArguments.Select(ForTypeOf)) + ">";
    }
}
