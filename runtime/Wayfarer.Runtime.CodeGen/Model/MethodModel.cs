namespace Wayfarer.Runtime.CodeGen.Model;

/// <summary>One method a proxy implements and a request class invokes.</summary>
/// <param name="DeclaringInterface">The fully qualified interface that declares the method (may be a base interface).</param>
/// <param name="DeclaringInterfaceTypeOf">The declaring interface as valid inside <c>typeof(...)</c>.</param>
/// <param name="Name">The method's metadata name (for <c>MethodDescriptor.Create</c>).</param>
/// <param name="Identifier">The method name as a C# identifier.</param>
/// <param name="ReturnType">The fully qualified declared return type.</param>
/// <param name="ReturnKind">Which awaitable the method returns.</param>
/// <param name="ResultType">The request's <c>TResult</c>.</param>
/// <param name="IsOneWay">Whether the method carries <c>[OneWay]</c>.</param>
/// <param name="RequestClassName">The generated request class (in <c>Wayfarer.Generated</c>).</param>
/// <param name="Parameters">All parameters in declared order, including a CancellationToken.</param>
internal sealed record MethodModel(
    string DeclaringInterface,
    string DeclaringInterfaceTypeOf,
    string Name,
    string Identifier,
    string ReturnType,
    ReturnKind ReturnKind,
    string ResultType,
    bool IsOneWay,
    string RequestClassName,
    EquatableArray<ParameterModel> Parameters)
{
    public bool ReturnsVoid => ReturnKind is ReturnKind.Task or ReturnKind.ValueTask;
}
