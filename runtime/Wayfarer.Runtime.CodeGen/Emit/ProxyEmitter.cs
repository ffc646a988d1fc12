using System.Linq;
using Wayfarer.Runtime.CodeGen.Model;

namespace Wayfarer.Runtime.CodeGen.Emit;

/// <summary>Writes the grain reference class of one interface: each method builds its request and sends it.</summary>
/// <remarks>Methods are implemented explicitly, so they clash neither with <c>GrainReference</c>'s members nor with
/// same-signature methods of different base interfaces.</remarks>
internal static class ProxyEmitter
{
    public static void Emit(CodeWriter writer, InterfaceModel model)
    {
        GeneratedCode.TypeAttributes(writer);
        writer.Open($"internal sealed class {model.ProxyClassName} : {GeneratedCode.GrainReference}, {model.TypeName}");
        writer.Line($"public {model.ProxyClassName}({GeneratedCode.ReferenceRuntime} runtime, {GeneratedCode.GrainId} grainId)");
        writer.Open($"    : base(runtime, typeof({model.TypeName}), grainId)");
        writer.Close();
        foreach (var method in model.Methods)
        {
            writer.Line();
            EmitMethod(writer, method);
        }

        writer.Close();
    }

    private static void EmitMethod(CodeWriter writer, MethodModel method)
    {
        var parameters = string.Join(", ", method.Parameters.Select(p => $"{p.Type} {p.Name}"));
        writer.Open($"{method.ReturnType} {method.DeclaringInterface}.{method.Identifier}({parameters})");
        var request = LocalName(method, "request");
        writer.Line($"var {request} = new global::{GeneratedCode.Namespace}.{method.RequestClassName}();");
        foreach (var parameter in method.Parameters.Where(p => !p.IsCancellationToken))
        {
            writer.Line($"{request}.Arg{parameter.ArgumentIndex} = {parameter.Name};");
        }

        writer.Line("return " + SendExpression(method, request) + ";");
        writer.Close();
    }

    private static string SendExpression(MethodModel method, string request)
    {
        if (method.IsOneWay)
        {
            var oneWay = $"base.InvokeOneWay({request})";
            return method.ReturnKind == ReturnKind.ValueTask ? $"new {GeneratedCode.ValueTask}({oneWay})" : oneWay;
        }

        var token = method.Parameters.FirstOrDefault(p => p.IsCancellationToken)?.Name ?? "default";
        var invoke = $"base.InvokeAsync({request}, {token})";
        return method.ReturnKind switch
        {
            ReturnKind.ValueTaskOfT => $"new {method.ReturnType}({invoke})",
            ReturnKind.ValueTask => $"new {GeneratedCode.ValueTask}({invoke})",
            _ => invoke, // Task<T> as is; Task<VoidResult> is a Task.
        };
    }

    /// <summary>A local variable name no parameter of the method uses.</summary>
    private static string LocalName(MethodModel method, string preferred)
    {
        var name = preferred;
        while (method.Parameters.Any(p => p.Name.TrimStart('@') == name))
        {
            name += "_";
        }

        return name;
    }
}
