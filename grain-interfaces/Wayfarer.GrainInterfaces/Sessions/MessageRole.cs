namespace Wayfarer.GrainInterfaces.Sessions;

/// <summary>Who wrote a conversation message.</summary>
public enum MessageRole
{
    /// <summary>The traveller.</summary>
    User,

    /// <summary>The assistant (an agent).</summary>
    Assistant,

    /// <summary>System instructions.</summary>
    System,

    /// <summary>A tool's result.</summary>
    Tool,
}
