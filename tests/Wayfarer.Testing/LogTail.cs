namespace Wayfarer.Testing;

internal static class LogTail
{
    internal const int DefaultLines = 30;

    internal static string Of(string text, int lines = DefaultLines)
    {
        var all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines))).TrimEnd();
    }

    internal static string OfFile(string path, int lines = DefaultLines)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return Of(reader.ReadToEnd(), lines);
        }
        catch (IOException)
        {
            return $"(no log at {path})";
        }
        catch (UnauthorizedAccessException)
        {
            return $"(log at {path} is not readable)";
        }
    }
}
