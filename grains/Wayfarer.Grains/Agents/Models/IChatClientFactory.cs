namespace Wayfarer.Grains.Agents.Models;

/// <summary>Makes chat clients; tests replace it with a scripted one.</summary>
public interface IChatClientFactory
{
    /// <summary>A client for <paramref name="choice"/>.</summary>
    Microsoft.Extensions.AI.IChatClient Create(ModelChoice choice);
}
