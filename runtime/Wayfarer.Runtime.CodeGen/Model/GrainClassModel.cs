using Wayfarer.Runtime.CodeGen.Diagnostics;

namespace Wayfarer.Runtime.CodeGen.Model;

/// <summary>A class deriving from <c>Wayfarer.Runtime.Grain</c> that implements a grain interface.</summary>
/// <param name="TypeName">The fully qualified class name.</param>
/// <param name="Register">Whether the class is registered (false when it cannot be, see <paramref name="Diagnostic"/>).</param>
/// <param name="Diagnostic">Why the class is not registered, if it is not.</param>
internal sealed record GrainClassModel(string TypeName, bool Register, DiagnosticInfo? Diagnostic);
