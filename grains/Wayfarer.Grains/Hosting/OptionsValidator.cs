using Microsoft.Extensions.Options;

namespace Wayfarer.Grains.Hosting;

/// <summary>Adapts an options class's <c>Validate()</c> (null when valid, else a message naming the option) so a bad
/// value stops start-up with that message.</summary>
internal sealed class OptionsValidator<T>(Func<T, string?> validate) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        validate(options) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;
}
