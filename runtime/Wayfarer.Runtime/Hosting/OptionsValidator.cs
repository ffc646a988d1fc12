using Microsoft.Extensions.Options;

namespace Wayfarer.Runtime.Hosting;

/// <summary>Adapts an options class's own <c>Validate()</c> (null when valid, else a message naming the option) to
/// <see cref="IValidateOptions{TOptions}"/>, so a bad value stops start-up with that message.</summary>
internal sealed class OptionsValidator<TOptions>(Func<TOptions, string?> validate) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
        => validate(options) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
}
