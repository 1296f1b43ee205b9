using System.Buffers;
using System.Text.RegularExpressions;

namespace IssueHygiene.Core.Secrets;

/// <summary>
/// Where credentials start, as non-backtracking regexes: matching is linear in the input whatever it holds (an issue
/// description is user text up to 1 MiB). The patterns find only the documented prefixes (or the keyword and
/// assignment of <c>password=…</c>); the scanner extends each to the end of its run of token characters with a
/// vectorised search and carries on after it. A pattern that also matched the run (<c>AKIA[0-9A-Z]+</c>) was measured
/// at seconds per MiB when prefix and run overlap (<c>AKIAAKIA…</c>); a literal prefix keeps the automaton trivial.
/// </summary>
internal static partial class SecretPatterns
{
    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    public static SearchValues<char> Alphanumeric { get; } =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>GitLab tokens are base64url; routable ones add <c>.</c>-separated base36 parts.</summary>
    public static SearchValues<char> GitLabRun { get; } =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-.");

    public static SearchValues<char> Base64UrlRun { get; } =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-");

    public static SearchValues<char> AlphanumericUnderscoreRun { get; } =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_");

    public static SearchValues<char> UpperAlphanumericRun { get; } = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public static SearchValues<char> SlackTokenRun { get; } =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-");

    public static SearchValues<char> UrlPathRun { get; } =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_/");

    public static SearchValues<char> Base64Run { get; } =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/=");

    /// <summary>Characters that end an assigned value: white space, quotes, and the punctuation around values.</summary>
    public static SearchValues<char> ValueDelimiters { get; } = SearchValues.Create(" \t\r\n\f\v\"'`,;<>(){}[]");

    /// <summary>GitLab's documented prefixes (docs.gitlab.com, "Token prefixes").</summary>
    [GeneratedRegex(@"glpat-|gldt-|glrtr-|glrt-|glcbt-|glptt-|gloas-|glft-|glimt-|glagent-|glsoat-|gltst-|glffct-|GR1348941|_gitlab_session=", Linear)]
    public static partial Regex GitLab();

    [GeneratedRegex(@"gh[pousr]_|github_pat_", Linear)]
    public static partial Regex GitHub();

    [GeneratedRegex(@"AKIA|ASIA|ABIA|ACCA", Linear)]
    public static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----", Linear)]
    public static partial Regex PemBegin();

    [GeneratedRegex(@"-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----", Linear)]
    public static partial Regex PemEnd();

    [GeneratedRegex(@"""type""\s*:\s*""service_account""", Linear)]
    public static partial Regex GoogleServiceAccount();

    [GeneratedRegex(@"AIza", Linear)]
    public static partial Regex GoogleApiKey();

    [GeneratedRegex(@"xox[abposre]-|xapp-", Linear)]
    public static partial Regex SlackToken();

    [GeneratedRegex(@"https://hooks\.slack\.com/services/", Linear)]
    public static partial Regex SlackWebhook();

    [GeneratedRegex(@"(?:sk|rk)_(?:live|test)_", Linear)]
    public static partial Regex StripeKey();

    [GeneratedRegex(@"whsec_", Linear)]
    public static partial Regex StripeWebhookSecret();

    /// <summary>
    /// <c>password=</c>, <c>secret: "</c>, <c>"api_key": "</c>, <c>GITLAB_TOKEN := </c>: a keyword, the rest of the
    /// name only after a separator (<c>secret_key_base</c> is a name, <c>tokenizer</c> and <c>secretary</c> are other
    /// words), an assignment and an opening quote. The value follows the match.
    /// </summary>
    [GeneratedRegex(@"(?:password|passwd|pwd|secret|token|api[_\-]?key|access[_\-]?key|auth[_\-]?key|private[_\-]?key)(?:[_.\-][0-9A-Za-z_.\-]*)?[""']?[ \t]*(?::=|=>|=|:)[ \t]*[""']?", Linear | RegexOptions.IgnoreCase)]
    public static partial Regex Assignment();
}
