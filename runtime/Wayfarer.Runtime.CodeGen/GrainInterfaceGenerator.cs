using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Wayfarer.Runtime.CodeGen.Analysis;
using Wayfarer.Runtime.CodeGen.Emit;
using Wayfarer.Runtime.CodeGen.Model;

namespace Wayfarer.Runtime.CodeGen;

/// <summary>Generates grain reference proxies and request types for grain and observer interfaces, and a module
/// initializer that registers them and the compilation's grain classes with the runtime.</summary>
/// <remarks>Does nothing in a compilation that does not see <c>Wayfarer.Runtime.IAddressable</c>. The pipeline carries
/// only equatable models (strings and arrays of them), never symbols, so unchanged interfaces are not re-emitted.</remarks>
[Generator(LanguageNames.CSharp)]
public sealed class GrainInterfaceGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { BaseList: not null },
                static (syntax, cancellationToken) => InterfaceModelBuilder.Build(syntax, cancellationToken))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!);

        var grainClasses = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax { BaseList: not null },
                static (syntax, cancellationToken) => GrainClassModelBuilder.Build(syntax, cancellationToken))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!);

        context.RegisterSourceOutput(interfaces, static (output, model) =>
        {
            foreach (var diagnostic in model.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (model.CanGenerate)
            {
                output.AddSource(model.HintName, InterfaceFileEmitter.Emit(model));
            }
        });

        context.RegisterSourceOutput(grainClasses.Where(static model => model.Diagnostic is not null), static (output, model) =>
            output.ReportDiagnostic(model.Diagnostic!.ToDiagnostic()));

        var registeredInterfaces = interfaces
            .Where(static model => model.CanGenerate)
            .Select(static (model, _) => new RegisteredInterface(model.TypeName, model.ProxyClassName))
            .Collect();
        var registeredClasses = grainClasses
            .Where(static model => model.Register)
            .Select(static (model, _) => model.TypeName)
            .Collect();
        var registrationClass = context.CompilationProvider
            .Select(static (compilation, _) => "WayfarerGeneratedRegistration_" + NameSanitizer.Sanitize(compilation.AssemblyName ?? "Assembly"));
        var registration = registeredInterfaces
            .Combine(registeredClasses)
            .Combine(registrationClass)
            .Select(static (input, _) => CreateRegistration(input.Right, input.Left.Left, input.Left.Right));

        context.RegisterSourceOutput(registration, static (output, model) =>
        {
            if (!model.Interfaces.IsEmpty || !model.GrainClasses.IsEmpty)
            {
                output.AddSource(RegistrationEmitter.HintName, RegistrationEmitter.Emit(model));
            }
        });
    }

    private static RegistrationModel CreateRegistration(
        string className, ImmutableArray<RegisteredInterface> interfaces, ImmutableArray<string> grainClasses)
        => new(
            className,
            new EquatableArray<RegisteredInterface>(interfaces.OrderBy(static i => i.TypeName, StringComparer.Ordinal)),
            new EquatableArray<string>(grainClasses.Distinct().OrderBy(static c => c, StringComparer.Ordinal)));
}
