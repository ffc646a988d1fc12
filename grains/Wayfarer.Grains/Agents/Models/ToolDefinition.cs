
namespace Wayfarer.Grains.Agents.Models;

/// <summary>A tool the model may call.</summary>
/// <param name="Name">The name.</param>
/// <param name="Description">What it does, for the model.</param>
/// <param name="ParametersSchema">The JSON schema of its arguments.</param>
public sealed record ToolDefinition(string Name, string Description, string ParametersSchema);
