using Microsoft.CodeAnalysis;

namespace Wayfarer.Runtime.CodeGen.Diagnostics;

/// <summary>The diagnostics the generator reports. Keep AnalyzerReleases.Unshipped.md in step.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Wayfarer.CodeGen";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        "WFR001",
        "Unsupported grain method return type",
        "Grain interface method '{0}' returns '{1}': grain and observer interface methods must return Task, Task<T>, ValueTask or ValueTask<T>",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedParameter = new(
        "WFR002",
        "Unsupported grain method parameter",
        "Parameter '{0}' of grain interface method '{1}' is not supported: {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericInterface = new(
        "WFR003",
        "Generic grain interfaces are not supported yet",
        "Grain interface '{0}' is generic or nested in a generic type: generic grain interfaces are not supported yet",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericMethod = new(
        "WFR004",
        "Generic grain methods are not supported",
        "Grain interface method '{0}' is generic: generic grain methods are not supported yet",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NonMethodMember = new(
        "WFR005",
        "Grain interfaces may only have methods",
        "'{0}' is {1}: grain and observer interfaces may only declare instance methods",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GrainClassNotRegistered = new(
        "WFR006",
        "Grain class is not registered",
        "Grain class '{0}' is not registered with the runtime: {1}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InaccessibleInterface = new(
        "WFR007",
        "Grain interface is not accessible to generated code",
        "Grain interface '{0}' must be public or internal, and not file-local or nested in a private or protected type, so that its proxy can be generated",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OneWayReturnsValue = new(
        "WFR008",
        "One-way grain methods must return Task or ValueTask",
        "Grain interface method '{0}' is [OneWay] but returns '{1}': a one-way call has no result, so it must return Task or ValueTask",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
