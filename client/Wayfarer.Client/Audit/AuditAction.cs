namespace Wayfarer.Client.Audit;

/// <summary>The security-relevant actions recorded in <c>audit_log</c> (values match its check constraint).</summary>
internal static class AuditAction
{
    public const string Register = "register";
    public const string Login = "login";
    public const string LoginFailed = "login_failed";
    public const string Logout = "logout";
    public const string TokenReuse = "token_reuse";
    public const string Share = "share";
    public const string Unshare = "unshare";
    public const string KeySet = "key_set";
    public const string KeyDeleted = "key_deleted";
    public const string Export = "export";
    public const string Erase = "erase";
}
