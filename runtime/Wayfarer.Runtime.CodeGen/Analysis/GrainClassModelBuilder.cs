using System.Threading;
using Microsoft.CodeAnalysis;
using Wayfarer.Runtime.CodeGen.Diagnostics;
using Wayfarer.Runtime.CodeGen.Model;

namespace Wayfarer.Runtime.CodeGen.Analysis;

/// <summary>Recognises grain classes declared in the compilation: non-abstract classes deriving from
/// <c>Wayfarer.Runtime.Grain</c> or <c>Grain&lt;TState&gt;</c> that implement at least one grain interface.</summary>
internal static class GrainClassModelBuilder
{
    public static GrainClassModel? Build(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (KnownSymbols.Get(context.SemanticModel.Compilation) is not { } known
            || (known.GrainBase is null && known.GrainBaseOfT is null)
            || context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } type
            || !SymbolFacts.IsFirstDeclarationWithBaseList(type, context.Node, cancellationToken)
            || !DerivesFromGrain(type, known)
            || !ImplementsGrainInterface(type, known))
        {
            return null;
        }

        var typeName = TypeNames.Annotated(type);
        string? reason = null;
        if (SymbolFacts.IsGenericOrNestedInGeneric(type))
        {
            reason = "generic grain classes are not supported yet";
        }
        else if (!SymbolFacts.IsAccessibleToGeneratedCode(type))
        {
            reason = "generated code cannot name it; make it public or internal, not file-local, and not nested in a private or protected type";
        }

        return reason is null
            ? new GrainClassModel(typeName, Register: true, Diagnostic: null)
            : new GrainClassModel(
                typeName,
                Register: false,
                DiagnosticInfo.Create(DiagnosticDescriptors.GrainClassNotRegistered, SymbolFacts.SourceLocation(type), type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), reason));
    }

    private static bool DerivesFromGrain(INamedTypeSymbol type, KnownSymbols known)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            var definition = current.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, known.GrainBase)
                || SymbolEqualityComparer.Default.Equals(definition, known.GrainBaseOfT))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ImplementsGrainInterface(INamedTypeSymbol type, KnownSymbols known)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (known.IsGrainInterface(implemented))
            {
                return true;
            }
        }

        return false;
    }
}
