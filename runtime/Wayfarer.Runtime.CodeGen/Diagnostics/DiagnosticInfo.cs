using System.Linq;
using Microsoft.CodeAnalysis;
using Wayfarer.Runtime.CodeGen.Model;

namespace Wayfarer.Runtime.CodeGen.Diagnostics;

/// <summary>A diagnostic to report, in an equatable form that can travel through the incremental pipeline.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
        => new(descriptor, LocationInfo.From(location), new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(Descriptor, Location?.ToLocation(), Arguments.Cast<object>().ToArray());
}
