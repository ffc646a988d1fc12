using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Wayfarer.Runtime.CodeGen.Diagnostics;

/// <summary>A source location without the syntax tree, so pipeline models keep value equality across edits.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
        => location is { IsInSource: true, SourceTree: { } tree }
            ? new LocationInfo(tree.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : null;
}
