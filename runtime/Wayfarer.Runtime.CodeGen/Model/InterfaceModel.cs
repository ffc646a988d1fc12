using Wayfarer.Runtime.CodeGen.Diagnostics;

namespace Wayfarer.Runtime.CodeGen.Model;

/// <summary>A grain or observer interface declared in the compilation.</summary>
/// <param name="TypeName">The fully qualified interface name (<c>global::...</c>).</param>
/// <param name="SanitizedName">The full name turned into an identifier fragment, unique per interface.</param>
/// <param name="Methods">Every method the proxy implements (own and inherited).</param>
/// <param name="Diagnostics">Problems found; any error means nothing is generated for the interface.</param>
/// <param name="CanGenerate">Whether a proxy and requests are generated.</param>
internal sealed record InterfaceModel(
    string TypeName,
    string SanitizedName,
    EquatableArray<MethodModel> Methods,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool CanGenerate)
{
    public string ProxyClassName => SanitizedName + "_Proxy";

    public string HintName => SanitizedName + ".g.cs";
}
