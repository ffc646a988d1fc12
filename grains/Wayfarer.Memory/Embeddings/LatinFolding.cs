namespace Wayfarer.Memory.Embeddings;

/// <summary>Folds accented Latin letters (U+00C0–U+024F) to their unaccented lower-case ASCII letter. Written out
/// because string normalisation is unavailable under invariant globalization.</summary>
internal static class LatinFolding
{
    private const int First = 0xC0;

    // One entry per code point from First; '\0' leaves the character unchanged.
    private const string Table = "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\0\0jjkk\0llllll\0\0llnnnnnn\0\0\0oooooooorrrrrrsssssssstttt\0\0uuuuuuuuuuuuwwyyyzzzzzz\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0oo\0\0\0\0\0\0\0\0\0\0\0\0\0uu\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0aaiioouuuuuuuuuu\0aaaa\0\0\0\0ggkkoooo\0\0j\0\0\0gg\0\0nnaa\0\0\0\0aaaaeeeeiiiioooorrrruuuusstt\0\0hh\0\0\0\0\0\0aaeeooooooooyy\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

    public static char Fold(char c)
    {
        var offset = c - First;
        if (offset >= 0 && offset < Table.Length && Table[offset] != '\0')
        {
            return Table[offset];
        }

        return char.ToLowerInvariant(c);
    }
}
