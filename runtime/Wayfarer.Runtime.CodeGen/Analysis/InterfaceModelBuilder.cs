using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Wayfarer.Runtime.CodeGen.Diagnostics;
using Wayfarer.Runtime.CodeGen.Model;

namespace Wayfarer.Runtime.CodeGen.Analysis;

/// <summary>Turns a grain or observer interface declared in the compilation into an <see cref="InterfaceModel"/>.</summary>
internal static class InterfaceModelBuilder
{
    private static readonly SymbolDisplayFormat s_messageFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

    /// <summary>The model for the interface declared by <paramref name="context"/>'s node, or null when it is not a
    /// grain or observer interface, is a marker, or is a later part of a partial interface.</summary>
    public static InterfaceModel? Build(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (KnownSymbols.Get(context.SemanticModel.Compilation) is not { } known
            || context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol { TypeKind: TypeKind.Interface } type
            || !SymbolFacts.IsFirstDeclarationWithBaseList(type, context.Node, cancellationToken)
            || known.IsMarker(type)
            || !known.IsAddressableInterface(type))
        {
            return null;
        }

        var typeName = TypeNames.Annotated(type);
        var sanitized = NameSanitizer.ForType(type);
        var location = SymbolFacts.SourceLocation(type);
        if (SymbolFacts.IsGenericOrNestedInGeneric(type))
        {
            return Rejected(typeName, sanitized, DiagnosticInfo.Create(DiagnosticDescriptors.GenericInterface, location, type.ToDisplayString(s_messageFormat)));
        }

        if (!SymbolFacts.IsAccessibleToGeneratedCode(type))
        {
            return Rejected(typeName, sanitized, DiagnosticInfo.Create(DiagnosticDescriptors.InaccessibleInterface, location, type.ToDisplayString(s_messageFormat)));
        }

        var methods = new List<MethodModel>();
        var diagnostics = new List<DiagnosticInfo>();
        var valid = true;
        var interfaces = new List<INamedTypeSymbol> { type };
        interfaces.AddRange(type.AllInterfaces);
        foreach (var declaring in interfaces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (known.IsMarker(declaring))
            {
                continue;
            }

            // Problems in a base interface that is itself a grain interface of this compilation are reported there.
            var isOwn = SymbolEqualityComparer.Default.Equals(declaring, type);
            var reportHere = isOwn || !ReportsOwnMembers(declaring.OriginalDefinition, known);
            var sink = reportHere ? diagnostics : null;
            foreach (var member in declaring.GetMembers())
            {
                var memberLocation = isOwn ? SymbolFacts.SourceLocation(member) ?? location : location;
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                        if (!NeedsImplementation(method))
                        {
                            break;
                        }

                        if (method.IsStatic)
                        {
                            valid = false;
                            sink?.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonMethodMember, memberLocation, method.ToDisplayString(s_messageFormat), "a static abstract or virtual method"));
                            break;
                        }

                        var requestName = sanitized + "_" + NameSanitizer.Sanitize(method.Name) + "_" + methods.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_Request";
                        if (MethodModelBuilder.Build(method, requestName, known, memberLocation, sink) is { } model)
                        {
                            methods.Add(model);
                        }
                        else
                        {
                            valid = false;
                        }

                        break;
                    case IPropertySymbol property when !property.IsStatic || NeedsImplementation(property):
                        valid = false;
                        sink?.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonMethodMember, memberLocation, property.ToDisplayString(s_messageFormat), property.IsIndexer ? "an indexer" : "a property"));
                        break;
                    case IEventSymbol @event when !@event.IsStatic || NeedsImplementation(@event):
                        valid = false;
                        sink?.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonMethodMember, memberLocation, @event.ToDisplayString(s_messageFormat), "an event"));
                        break;
                }
            }
        }

        return new InterfaceModel(typeName, sanitized, new EquatableArray<MethodModel>(methods), new EquatableArray<DiagnosticInfo>(diagnostics), valid);
    }

    private static InterfaceModel Rejected(string typeName, string sanitized, DiagnosticInfo diagnostic)
        => new(typeName, sanitized, EquatableArray<MethodModel>.Empty, new EquatableArray<DiagnosticInfo>([diagnostic]), CanGenerate: false);

    /// <summary>Whether a proxy must implement the member: abstract or virtual (default-implemented members are
    /// implemented too, so that calls through a reference reach the grain).</summary>
    private static bool NeedsImplementation(ISymbol member) => member.IsAbstract || member.IsVirtual;

    /// <summary>Whether <paramref name="type"/> gets its own model here and so reports its own members' problems.</summary>
    private static bool ReportsOwnMembers(INamedTypeSymbol type, KnownSymbols known)
        => SymbolFacts.IsDeclaredIn(type, known.Compilation)
            && known.IsAddressableInterface(type)
            && !known.IsMarker(type)
            && !SymbolFacts.IsGenericOrNestedInGeneric(type)
            && SymbolFacts.IsAccessibleToGeneratedCode(type);
}
