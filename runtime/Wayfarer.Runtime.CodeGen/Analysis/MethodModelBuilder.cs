using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Wayfarer.Runtime.CodeGen.Diagnostics;
using Wayfarer.Runtime.CodeGen.Model;

namespace Wayfarer.Runtime.CodeGen.Analysis;

/// <summary>Checks one grain interface method and describes it for the emitters.</summary>
internal static class MethodModelBuilder
{
    private static readonly SymbolDisplayFormat s_messageFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat;

    /// <summary>Builds the model of <paramref name="method"/>, or returns null after adding the reasons it is unsupported.</summary>
    /// <param name="method">The method, as a member of the (possibly constructed) interface that declares it.</param>
    /// <param name="requestClassName">The name for its request class.</param>
    /// <param name="known">The compilation's known symbols.</param>
    /// <param name="location">Where to report problems.</param>
    /// <param name="diagnostics">Receives problems; null to only detect them (another interface reports them).</param>
    public static MethodModel? Build(
        IMethodSymbol method, string requestClassName, KnownSymbols known, Location? location, List<DiagnosticInfo>? diagnostics)
    {
        var display = method.ToDisplayString(s_messageFormat);
        var valid = true;

        void Report(DiagnosticDescriptor descriptor, params string[] arguments)
        {
            valid = false;
            diagnostics?.Add(DiagnosticInfo.Create(descriptor, location, arguments));
        }

        if (SymbolFacts.ContainsErrorType(method.ReturnType))
        {
            return null; // The compiler already reports the unknown type.
        }

        if (method.IsGenericMethod)
        {
            Report(DiagnosticDescriptors.GenericMethod, display);
        }

        var returnKind = method.ReturnsByRef || method.ReturnsByRefReadonly ? null : ClassifyReturn(method.ReturnType, known);
        var isOneWay = IsOneWay(method, known);
        if (returnKind is null)
        {
            Report(DiagnosticDescriptors.UnsupportedReturnType, display, method.ReturnType.ToDisplayString(s_messageFormat));
        }
        else if (isOneWay && returnKind is not (ReturnKind.Task or ReturnKind.ValueTask))
        {
            Report(DiagnosticDescriptors.OneWayReturnsValue, display, method.ReturnType.ToDisplayString(s_messageFormat));
        }

        var parameters = new List<ParameterModel>(method.Parameters.Length);
        var argumentCount = 0;
        var sawCancellationToken = false;
        foreach (var parameter in method.Parameters)
        {
            if (SymbolFacts.ContainsErrorType(parameter.Type))
            {
                return null;
            }

            var isCancellationToken = known.IsCancellationToken(parameter.Type) && !sawCancellationToken;
            sawCancellationToken |= isCancellationToken;
            if (UnsupportedParameterReason(parameter, known, sawCancellationToken && !isCancellationToken) is { } reason)
            {
                Report(DiagnosticDescriptors.UnsupportedParameter, parameter.Name, display, reason);
                continue;
            }

            parameters.Add(new ParameterModel(
                TypeNames.Identifier(parameter.Name),
                TypeNames.Annotated(parameter.Type),
                TypeNames.ForField(parameter.Type),
                TypeNames.ForTypeOf(parameter.Type),
                isCancellationToken ? -1 : argumentCount++));
        }

        if (!valid || returnKind is not { } kind)
        {
            return null;
        }

        var resultType = kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT
            ? TypeNames.Annotated(((INamedTypeSymbol)method.ReturnType).TypeArguments[0])
            : "global::Wayfarer.Runtime.Invocation.VoidResult";
        return new MethodModel(
            TypeNames.Annotated(method.ContainingType),
            TypeNames.ForTypeOf(method.ContainingType),
            method.MetadataName,
            TypeNames.Identifier(method.Name),
            TypeNames.Annotated(method.ReturnType),
            kind,
            resultType,
            isOneWay,
            requestClassName,
            new EquatableArray<ParameterModel>(parameters));
    }

    private static ReturnKind? ClassifyReturn(ITypeSymbol returnType, KnownSymbols known)
    {
        if (returnType is not INamedTypeSymbol named)
        {
            return null;
        }

        var definition = named.OriginalDefinition;
        if (Same(definition, known.Task))
        {
            return ReturnKind.Task;
        }

        if (Same(definition, known.TaskOfT))
        {
            return ReturnKind.TaskOfT;
        }

        if (Same(definition, known.ValueTask))
        {
            return ReturnKind.ValueTask;
        }

        return Same(definition, known.ValueTaskOfT) ? ReturnKind.ValueTaskOfT : null;
    }

    private static string? UnsupportedParameterReason(IParameterSymbol parameter, KnownSymbols known, bool isExtraCancellationToken)
    {
        if (parameter.RefKind != RefKind.None)
        {
            return "ref, out and in parameters cannot cross a grain call";
        }

        if (parameter.Type.IsRefLikeType)
        {
            return "by-ref-like (ref struct) types cannot be stored in a request";
        }

        if (parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            return "pointers cannot cross a grain call";
        }

        return isExtraCancellationToken && known.IsCancellationToken(parameter.Type)
            ? "a grain method may have at most one CancellationToken parameter"
            : null;
    }

    private static bool IsOneWay(IMethodSymbol method, KnownSymbols known)
    {
        if (known.OneWayAttribute is null)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (Same(attribute.AttributeClass, known.OneWayAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Same(ISymbol? left, ISymbol? right) => right is not null && SymbolEqualityComparer.Default.Equals(left, right);
}
