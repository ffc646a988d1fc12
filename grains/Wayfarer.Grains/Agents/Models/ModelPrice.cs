namespace Wayfarer.Grains.Agents.Models;

/// <summary>A model's price.</summary>
public sealed class ModelPrice
{
    /// <summary>The model name (exact, case-insensitive), or a prefix ending in <c>*</c>.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>USD per million input (prompt) tokens.</summary>
    public decimal InputPerMillionUsd { get; set; }

    /// <summary>USD per million output (completion) tokens.</summary>
    public decimal OutputPerMillionUsd { get; set; }
}
