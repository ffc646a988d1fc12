using System.Text;

namespace Wayfarer.Runtime.CodeGen.Emit;

/// <summary>Builds indented C# text. Lines end with '\n' whatever the platform, so output is deterministic.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents.</summary>
    public CodeWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Outdents and writes a closing brace.</summary>
    public CodeWriter Close()
    {
        _indent--;
        return Line("}");
    }

    /// <summary>Writes a line without indentation (preprocessor directives).</summary>
    public CodeWriter Directive(string text)
    {
        _builder.Append(text).Append('\n');
        return this;
    }

    public override string ToString() => _builder.ToString();
}
