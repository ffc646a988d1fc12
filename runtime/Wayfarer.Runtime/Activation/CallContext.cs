namespace Wayfarer.Runtime.Activation;

/// <summary>The activation and message a piece of grain code runs for; flows with the async control flow.</summary>
internal sealed class CallContext(ActivationData activation, Message? message)
{
    private static readonly AsyncLocal<CallContext?> s_current = new();

    public static CallContext? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public ActivationData Activation { get; } = activation;

    public Message? Message { get; } = message;
}
