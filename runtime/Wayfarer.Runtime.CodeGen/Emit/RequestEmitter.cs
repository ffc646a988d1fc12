using System.Linq;
using Wayfarer.Runtime.CodeGen.Model;

namespace Wayfarer.Runtime.CodeGen.Emit;

/// <summary>Writes the request class of one method: its arguments, descriptor and the call on the grain.</summary>
internal static class RequestEmitter
{
    public static void Emit(CodeWriter writer, MethodModel method)
    {
        var arguments = method.Parameters.Where(p => !p.IsCancellationToken).ToArray();
        GeneratedCode.TypeAttributes(writer);
        writer.Open($"internal sealed class {method.RequestClassName} : {GeneratedCode.GrainRequest}<{method.ResultType}>");

        var parameterTypes = method.Parameters.IsEmpty
            ? "global::System.Type.EmptyTypes"
            : "new global::System.Type[] { " + string.Join(", ", method.Parameters.Select(p => $"typeof({p.TypeOfType})")) + " }";
        writer.Line($"private static readonly {GeneratedCode.MethodDescriptor} s_method = {GeneratedCode.MethodDescriptor}.Create(typeof({method.DeclaringInterfaceTypeOf}), {Analysis.TypeNames.StringLiteral(method.Name)}, {parameterTypes});");
        writer.Line();
        foreach (var argument in arguments)
        {
            writer.Line($"public {argument.FieldType} Arg{argument.ArgumentIndex} = default!;");
            writer.Line();
        }

        writer.Line($"public override {GeneratedCode.MethodDescriptor} Method => s_method;");
        writer.Line();
        writer.Line($"public override int ArgumentCount => {arguments.Length};");
        writer.Line();
        EmitGetArgument(writer, arguments);
        writer.Line();
        EmitSetArgument(writer, arguments);
        writer.Line();
        EmitCopyArguments(writer, arguments);
        writer.Line();
        EmitInvoke(writer, method);
        writer.Close();
    }

    private static void EmitGetArgument(CodeWriter writer, ParameterModel[] arguments)
    {
        writer.Open("public override object? GetArgument(int index)");
        if (arguments.Length > 0)
        {
            writer.Open("switch (index)");
            foreach (var argument in arguments)
            {
                writer.Line($"case {argument.ArgumentIndex}: return this.Arg{argument.ArgumentIndex};");
            }

            writer.Line($"default: throw new {GeneratedCode.OutOfRange}(nameof(index));");
            writer.Close();
        }
        else
        {
            writer.Line($"throw new {GeneratedCode.OutOfRange}(nameof(index));");
        }

        writer.Close();
    }

    private static void EmitSetArgument(CodeWriter writer, ParameterModel[] arguments)
    {
        writer.Open("public override void SetArgument(int index, object? value)");
        if (arguments.Length > 0)
        {
            writer.Open("switch (index)");
            foreach (var argument in arguments)
            {
                writer.Line($"case {argument.ArgumentIndex}: this.Arg{argument.ArgumentIndex} = ({argument.FieldType})value!; break;");
            }

            writer.Line($"default: throw new {GeneratedCode.OutOfRange}(nameof(index));");
            writer.Close();
        }
        else
        {
            writer.Line($"throw new {GeneratedCode.OutOfRange}(nameof(index));");
        }

        writer.Close();
    }

    private static void EmitCopyArguments(CodeWriter writer, ParameterModel[] arguments)
    {
        writer.Open($"public override void CopyArguments({GeneratedCode.DeepCopier} copier)");
        foreach (var argument in arguments)
        {
            writer.Line($"this.Arg{argument.ArgumentIndex} = copier.Copy<{argument.FieldType}>(this.Arg{argument.ArgumentIndex});");
        }

        writer.Close();
    }

    private static void EmitInvoke(CodeWriter writer, MethodModel method)
    {
        var callArguments = string.Join(", ", method.Parameters.Select(p => p.IsCancellationToken ? "this.CancellationToken" : $"this.Arg{p.ArgumentIndex}"));
        var call = $"(({method.DeclaringInterface})target).{method.Identifier}({callArguments})";
        if (method.ReturnType.EndsWith("?", System.StringComparison.Ordinal))
        {
            call += "!"; // Task<T>? and Task?: a grain returning null fails the call either way.
        }

        var result = $"{GeneratedCode.ValueTask}<{method.ResultType}>";
        writer.Line($"public override {result} InvokeAsync(object target)");
        switch (method.ReturnKind)
        {
            case ReturnKind.TaskOfT:
                writer.Line($"    => new {result}({call});");
                break;
            case ReturnKind.ValueTaskOfT:
                writer.Line($"    => {call};");
                break;
            default:
                writer.Line($"    => AwaitVoid({call});");
                writer.Line();
                VoidAdapterEmitter.Emit(writer, method.ReturnKind == ReturnKind.ValueTask ? GeneratedCode.ValueTask : GeneratedCode.Task);
                break;
        }
    }
}
