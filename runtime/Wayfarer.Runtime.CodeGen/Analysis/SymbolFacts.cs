using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Wayfarer.Runtime.CodeGen.Analysis;

/// <summary>Questions about symbols that the model builders share.</summary>
internal static class SymbolFacts
{
    /// <summary>Whether the type or any type containing it has type parameters.</summary>
    public static bool IsGenericOrNestedInGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether generated code elsewhere in the same assembly can name the type.</summary>
    public static bool IsAccessibleToGeneratedCode(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return false;
            }

            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Whether the symbol is declared in source of <paramref name="compilation"/>.</summary>
    public static bool IsDeclaredIn(ISymbol symbol, Compilation compilation)
        => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly)
            && symbol.Locations.Length > 0 && symbol.Locations[0].IsInSource;

    /// <summary>Whether <paramref name="node"/> is the first declaration of <paramref name="symbol"/> that has a base
    /// list, so that a partial type produces one model however many parts it has (the generator only looks at
    /// declarations with base lists, and a grain type names its base types in at least one part).</summary>
    public static bool IsFirstDeclarationWithBaseList(ISymbol symbol, SyntaxNode node, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == node.SyntaxTree && reference.Span == node.Span)
            {
                return true;
            }

            if (reference.GetSyntax(cancellationToken) is BaseTypeDeclarationSyntax { BaseList: not null })
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The first source location of the symbol, if any.</summary>
    public static Location? SourceLocation(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return null;
    }

    /// <summary>Whether the type is, or is built from, a type the compiler could not resolve.</summary>
    public static bool ContainsErrorType(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol => true,
        IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
        IPointerTypeSymbol pointer => ContainsErrorType(pointer.PointedAtType),
        INamedTypeSymbol named => AnyErrorTypeArgument(named),
        _ => false,
    };

    private static bool AnyErrorTypeArgument(INamedTypeSymbol named)
    {
        foreach (var argument in named.TypeArguments)
        {
            if (ContainsErrorType(argument))
            {
                return true;
            }
        }

        return named.ContainingType is { } containing && AnyErrorTypeArgument(containing);
    }
}
