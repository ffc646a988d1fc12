using System.Security.Cryptography;
using System.Text;

namespace Wayfarer.Grains.Security;

/// <summary>AES-256-GCM sealing: output is nonce (12 bytes) || tag (16 bytes) || ciphertext. The associated data binds
/// each sealed value to its owner and purpose, so a ciphertext copied to another row does not open.</summary>
public static class KeyWrapping
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Seals <paramref name="plaintext"/> under <paramref name="key"/> (32 bytes), bound to <paramref name="associatedData"/>.</summary>
    public static byte[] Seal(byte[] key, byte[] plaintext, string associatedData)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(associatedData));
        return output;
    }

    /// <summary>Opens a value sealed by <see cref="Seal"/> with the same key and associated data.</summary>
    /// <exception cref="AuthenticationTagMismatchException">The value was tampered with or sealed under another key.</exception>
    public static byte[] Open(byte[] key, byte[] sealedValue, string associatedData)
    {
        if (sealedValue.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed value is truncated.");
        }

        var plaintext = new byte[sealedValue.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize), plaintext,
            Encoding.UTF8.GetBytes(associatedData));
        return plaintext;
    }
}
