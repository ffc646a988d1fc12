using System.Security.Cryptography;
using Wayfarer.Client.Auth;

namespace Wayfarer.Client.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class AuthOptionsValidatorTests
{
    [Fact]
    public void MissingKeysStopStartUpNamingTheOptions()
    {
        var result = new AuthOptionsValidator().Validate(null, new AuthOptions());

        Assert.True(result.Failed);
        Assert.Contains("Wayfarer:Auth:SigningKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Wayfarer:Auth:MasterKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void StrongKeysPass()
    {
        var options = new AuthOptions
        {
            SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };

        Assert.True(new AuthOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void AMasterKeyOfTheWrongLengthFails() =>
        Assert.True(new AuthOptionsValidator().Validate(null, new AuthOptions
        {
            SigningKey = new string('k', 40),
            MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
        }).Failed);
}
