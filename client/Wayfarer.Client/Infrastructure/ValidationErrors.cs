using System.Text.RegularExpressions;

namespace Wayfarer.Client.Infrastructure;

/// <summary>Collects field-level validation messages for a <c>ValidationProblem</c> answer.</summary>
internal sealed partial class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Checks a free-text field: required or not, length, and no markup.</summary>
    public void Text(string field, string? value, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "is required.");
            }

            return;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }
        else if (Markup().IsMatch(value))
        {
            Add(field, "must not contain HTML or other markup.");
        }
        else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(field, "must not contain control characters.");
        }
    }

    public IResult ToProblem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request is invalid.");

    [GeneratedRegex(@"<\s*[/!?a-zA-Z]")]
    private static partial Regex Markup();
}
