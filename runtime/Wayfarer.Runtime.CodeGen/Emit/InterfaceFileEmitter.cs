using Wayfarer.Runtime.CodeGen.Model;

namespace Wayfarer.Runtime.CodeGen.Emit;

/// <summary>Writes one interface's file: a request class per method, then the proxy.</summary>
internal static class InterfaceFileEmitter
{
    public static string Emit(InterfaceModel model)
    {
        var writer = GeneratedCode.BeginFile();
        foreach (var method in model.Methods)
        {
            RequestEmitter.Emit(writer, method);
            writer.Line();
        }

        ProxyEmitter.Emit(writer, model);
        return GeneratedCode.EndFile(writer);
    }
}
