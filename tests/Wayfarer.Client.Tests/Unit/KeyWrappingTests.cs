using System.Security.Cryptography;
using Wayfarer.Grains.Security;

namespace Wayfarer.Client.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class KeyWrappingTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void SealedValueOpensWithTheSameKeyAndAssociatedData()
    {
        var sealedValue = KeyWrapping.Seal(Key, [1, 2, 3], "api-key:u:openai");

        Assert.Equal([1, 2, 3], KeyWrapping.Open(Key, sealedValue, "api-key:u:openai"));
    }

    [Fact]
    public void SealingTwiceGivesDifferentCiphertexts() =>
        Assert.NotEqual(KeyWrapping.Seal(Key, [1, 2, 3], "x"), KeyWrapping.Seal(Key, [1, 2, 3], "x"));

    [Fact]
    public void AnotherOwnersAssociatedDataOrKeyDoesNotOpenIt()
    {
        var sealedValue = KeyWrapping.Seal(Key, [1, 2, 3], "api-key:alice:openai");

        Assert.ThrowsAny<CryptographicException>(() => KeyWrapping.Open(Key, sealedValue, "api-key:bob:openai"));
        Assert.ThrowsAny<CryptographicException>(() => KeyWrapping.Open(RandomNumberGenerator.GetBytes(32), sealedValue, "api-key:alice:openai"));
        Assert.ThrowsAny<CryptographicException>(() => KeyWrapping.Open(Key, sealedValue[..10], "api-key:alice:openai"));
    }
}
