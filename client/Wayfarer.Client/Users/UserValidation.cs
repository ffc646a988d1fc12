using System.Net.Mail;
using System.Text.RegularExpressions;
using Wayfarer.Client.Auth;
using Wayfarer.Client.Infrastructure;
using Wayfarer.GrainInterfaces.Users;

namespace Wayfarer.Client.Users;

/// <summary>Field-level validation of user input.</summary>
internal static partial class UserValidation
{
    public static ValidationErrors Register(RegisterRequest request)
    {
        var errors = new ValidationErrors();
        Email(errors, request.Email, required: true);
        Password(errors, request.Password);
        errors.Text("username", request.Username, 50, required: true);
        errors.Text("firstName", request.FirstName, 100, required: true);
        errors.Text("lastName", request.LastName, 100, required: true);
        return errors;
    }

    public static ValidationErrors Patch(UserPatchRequest request, DateOnly today)
    {
        var errors = new ValidationErrors();
        Email(errors, request.Email, required: false);
        errors.Text("username", request.Username, 50);
        errors.Text("firstName", request.FirstName, 100);
        errors.Text("lastName", request.LastName, 100);
        if (request.Phone is { } phone && !E164().IsMatch(phone))
        {
            errors.Add("phone", "must be an E.164 number such as +14155550123.");
        }

        if (request.DateOfBirth is { } born && (born > today || born.Year < 1900))
        {
            errors.Add("dateOfBirth", "must be a past date after 1900.");
        }

        if (request.Profile is { } profile)
        {
            errors.Text("profile.bio", profile.Bio, 1000);
            errors.Text("profile.homeCity", profile.HomeCity, 200);
            errors.Text("profile.language", profile.Language, 35);
            if (profile.AvatarUrl is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || url.Length > 2000))
            {
                errors.Add("profile.avatarUrl", "must be an absolute http(s) URL.");
            }
        }

        return errors;
    }

    public static ValidationErrors Preferences(TravelPreferences? preferences)
    {
        var errors = new ValidationErrors();
        if (preferences is null)
        {
            errors.Add("body", "is required.");
            return errors;
        }

        List("interests", preferences.Interests, errors);
        List("dietaryNeeds", preferences.DietaryNeeds, errors);
        if (preferences.PreferredTransport is null or { Count: > 7 })
        {
            errors.Add("preferredTransport", "is required (at most 7 modes).");
        }

        return errors;
    }

    private static void List(string field, IReadOnlyList<string>? values, ValidationErrors errors)
    {
        if (values is null || values.Count > 50)
        {
            errors.Add(field, "is required (at most 50 entries).");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            errors.Text($"{field}[{i}]", values[i], 50, required: true);
        }
    }

    private static void Email(ValidationErrors errors, string? email, bool required)
    {
        if (email is null && !required)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || email.Any(char.IsControl) || !MailAddress.TryCreate(email.Trim(), out var parsed)
            || parsed.Address != email.Trim() || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            errors.Add("email", "must be a valid e-mail address.");
        }
    }

    private static void Password(ValidationErrors errors, string? password)
    {
        if (password is null || password.Length < 8 || password.Length > 128)
        {
            errors.Add("password", "must be between 8 and 128 characters.");
        }
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
