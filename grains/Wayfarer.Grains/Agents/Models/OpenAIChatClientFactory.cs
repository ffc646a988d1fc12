namespace Wayfarer.Grains.Agents.Models;

/// <summary>Chat clients over the OpenAI SDK.</summary>
internal sealed class OpenAIChatClientFactory(Microsoft.Extensions.Options.IOptions<ModelOptions> options) : IChatClientFactory
{
    public Microsoft.Extensions.AI.IChatClient Create(ModelChoice choice) =>
        new OpenAIChatClient(choice.Endpoint, choice.ApiKey, choice.Model, options.Value.RequestTimeout);
}
