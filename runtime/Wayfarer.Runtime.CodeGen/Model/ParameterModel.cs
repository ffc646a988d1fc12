using System;

namespace Wayfarer.Runtime.CodeGen.Model;

/// <summary>One parameter of a grain interface method.</summary>
/// <param name="Name">The parameter name as a C# identifier (keywords escaped with <c>@</c>).</param>
/// <param name="Type">The fully qualified declared type, nullable annotations kept (for signatures).</param>
/// <param name="FieldType">The type of the request field: <see cref="Type"/>, except <c>object</c> for <c>dynamic</c>
/// so that generated calls are never dynamically bound.</param>
/// <param name="TypeOfType">The fully qualified type as valid inside <c>typeof(...)</c>.</param>
/// <param name="ArgumentIndex">The index among the request's arguments, or -1 for the CancellationToken parameter.</param>
internal sealed record ParameterModel(string Name, string Type, string FieldType, string TypeOfType, int ArgumentIndex)
{
    public bool IsCancellationToken => ArgumentIndex < 0;
}
