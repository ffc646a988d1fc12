using System.Text;
using Microsoft.Extensions.Options;

namespace Wayfarer.Client.Auth;

/// <summary>Stops start-up when the keys are missing or too weak.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        if (Encoding.UTF8.GetByteCount(options.SigningKey ?? string.Empty) < 32)
        {
            errors.Add($"{AuthOptions.SectionName}:{nameof(AuthOptions.SigningKey)} must be set to at least 32 bytes.");
        }

        if (!IsAes256Key(options.MasterKey))
        {
            errors.Add($"{AuthOptions.SectionName}:{nameof(AuthOptions.MasterKey)} must be the base64 of exactly 32 bytes.");
        }

        if (options.AccessTokenLifetime <= TimeSpan.Zero || options.RefreshTokenLifetime <= options.AccessTokenLifetime)
        {
            errors.Add($"{AuthOptions.SectionName}: token lifetimes must be positive, the refresh lifetime longer than the access lifetime.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsAes256Key(string? value)
    {
        var buffer = new byte[64];
        return !string.IsNullOrEmpty(value) && Convert.TryFromBase64String(value, buffer, out var written) && written == 32;
    }
}
