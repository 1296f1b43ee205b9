using System.Buffers;
using System.Text.RegularExpressions;
using IssueHygiene.Core.Issues;

namespace IssueHygiene.Core.Secrets;

/// <summary>
/// Finds credentials in issue text (title, description, notes): pure, thread-safe, linear in the input. A text with
/// none of the anchors (prefixes like <c>glpat-</c>, keywords like <c>password</c>) is dismissed with one vectorised
/// search, so scanning every issue of a sweep costs next to nothing; otherwise each family whose anchor occurs runs its
/// non-backtracking pattern, and every candidate is checked for length, checksum and placeholders before it counts.
/// </summary>
public static class SecretScanner
{
    private const int MaxAssignmentValue = 200;

    /// <summary>Longest candidate looked at: a routable GitLab token is at most ~320 characters, the rest are shorter.</summary>
    private const int MaxTokenLength = 400;

    private static readonly SearchValues<string> PrefixAnchors = SearchValues.Create(
        [
            "glpat-", "gldt-", "glrt", "glcbt-", "glptt-", "gloas-", "glft-", "glimt-", "glagent-", "glsoat-", "gltst-",
            "glffct-", "GR1348941", "_gitlab_session=", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "AKIA",
            "ASIA", "ABIA", "ACCA", "PRIVATE KEY", "AIza", "xox", "xapp-", "hooks.slack.com", "sk_live_", "sk_test_",
            "rk_live_", "rk_test_", "whsec_",
        ],
        StringComparison.Ordinal);

    private static readonly SearchValues<string> KeywordAnchors = SearchValues.Create(
        ["password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "api-key", "accesskey", "access_key", "access-key", "authkey", "auth_key", "auth-key", "privatekey", "private_key", "private-key"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly string[] NonSecretNameEndings =
        ["id", "type", "url", "uri", "file", "path", "name", "at", "expires", "expiry", "ttl", "length", "count", "header", "endpoint", "scope", "scopes"];

    private static readonly (string Prefix, SecretKind Kind)[] GitLabPrefixes =
    [
        ("glpat-", SecretKind.GitLabPersonalAccessToken), ("gldt-", SecretKind.GitLabDeployToken),
        ("glrtr-", SecretKind.GitLabRunnerAuthenticationToken), ("glrt-", SecretKind.GitLabRunnerAuthenticationToken),
        ("glcbt-", SecretKind.GitLabCiJobToken), ("glptt-", SecretKind.GitLabPipelineTriggerToken),
        ("gloas-", SecretKind.GitLabOAuthApplicationSecret), ("glft-", SecretKind.GitLabFeedToken),
        ("glimt-", SecretKind.GitLabIncomingMailToken), ("glagent-", SecretKind.GitLabAgentToken),
        ("glsoat-", SecretKind.GitLabScimToken), ("gltst-", SecretKind.GitLabTestToken),
        ("glffct-", SecretKind.GitLabFeatureFlagsClientToken), ("GR1348941", SecretKind.GitLabRunnerRegistrationToken),
        ("_gitlab_session=", SecretKind.GitLabSessionCookie),
    ];

    private static readonly SearchValues<char> Base32Characters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

    private static readonly SearchValues<char> Base64Characters =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/");

    /// <summary>The credentials in an issue's title and description.</summary>
    public static IReadOnlyList<SecretFinding> ScanIssue(IssueSnapshot issue)
    {
        var title = Scan(issue.Title, SecretLocation.Title);
        var description = Scan(issue.Description, SecretLocation.Description);
        return title.Count == 0 ? description : description.Count == 0 ? title : [.. title, .. description];
    }

    /// <summary>The credentials in one note (none in GitLab's system notes).</summary>
    public static IReadOnlyList<SecretFinding> ScanNote(NoteToScan note) =>
        note.IsSystem ? [] : Scan(note.Body, SecretLocation.Note(note.Id));

    /// <summary>The credentials in <paramref name="text"/>, ordered by offset, none overlapping.</summary>
    public static IReadOnlyList<SecretFinding> Scan(string? text, SecretLocation location)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var span = text.AsSpan();
        var hasPrefix = span.IndexOfAny(PrefixAnchors) >= 0;
        var hasKeyword = span.IndexOfAny(KeywordAnchors) >= 0;
        if (!hasPrefix && !hasKeyword)
        {
            return [];
        }

        var found = new List<SecretFinding>();
        if (hasPrefix)
        {
            ScanGitLab(text, location, found);
            ScanGitHub(text, location, found);
            ScanAws(text, location, found);
            ScanPem(text, location, found);
            ScanGoogleApiKeys(text, location, found);
            ScanSlack(text, location, found);
            ScanStripe(text, location, found);
            found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            if (found.Exists(static f => f.Kind == SecretKind.AwsAccessKeyId))
            {
                ScanAwsSecretKeys(text, location, found);
                found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            }
        }

        if (hasKeyword)
        {
            ScanAssignments(text, location, found);
        }

        return found;
    }

    private static void ScanGitLab(string text, SecretLocation location, List<SecretFinding> found)
    {
        foreach (var match in Candidates(text, SecretPatterns.GitLab(), SecretPatterns.GitLabRun))
        {
            var value = TrimSentenceEnd(text.AsSpan(match.Index, match.Length));
            var (kind, prefix) = GitLabKind(value);
            if (kind == SecretKind.GitLabIncomingMailToken)
            {
                // In a reply address the token is followed by "-issue" or "-merge-request", which the pattern takes along.
                value = CutAtAny(value, "-issue", "-merge-request");
            }

            var body = value[prefix.Length..];
            var parts = body.ToString().Split('.');
            var random = parts[0];
            var valid = kind switch
            {
                SecretKind.GitLabSessionCookie => body.Length == 32,
                SecretKind.GitLabPipelineTriggerToken => random.Length >= 40,
                SecretKind.GitLabOAuthApplicationSecret => random.Length >= 64,
                SecretKind.GitLabAgentToken => random.Length >= 50,
                SecretKind.GitLabIncomingMailToken => random.Length >= 25,
                _ => random.Length >= 20,
            };
            // Routable tokens end in ".<version>.<checksum>" or ".<checksum>": lower-case base36 parts.
            valid &= body.Length <= 320 && parts.Length <= 3
                && parts.Skip(1).All(p => p.Length > 0 && p.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)));
            if (valid && LooksRandom(random, 3.0))
            {
                found.Add(new SecretFinding(kind, location, match.Index, value.Length, prefix));
            }
        }
    }

    private static (SecretKind Kind, string Prefix) GitLabKind(ReadOnlySpan<char> value)
    {
        foreach (var (prefix, kind) in GitLabPrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (kind, prefix);
            }
        }

        throw new InvalidOperationException("the GitLab pattern matched an unknown prefix");
    }

    private static void ScanGitHub(string text, SecretLocation location, List<SecretFinding> found)
    {
        foreach (var match in Candidates(text, SecretPatterns.GitHub(), SecretPatterns.AlphanumericUnderscoreRun))
        {
            var value = text.AsSpan(match.Index, match.Length);
            if (value.StartsWith("github_pat_", StringComparison.Ordinal))
            {
                // 22 characters, an underscore, 59 characters (GitHub does not document a checksum for these).
                var body = value["github_pat_".Length..];
                if (body.Length == 82 && body[22] == '_' && LooksRandom(body, 3.5))
                {
                    found.Add(new SecretFinding(SecretKind.GitHubFineGrainedToken, location, match.Index, match.Length, "github_pat_"));
                }
            }
            else if (value.Length == 40 && GitHubTokenChecksum.IsValid(value[4..]))
            {
                found.Add(new SecretFinding(SecretKind.GitHubToken, location, match.Index, match.Length, value[..4].ToString()));
            }
        }
    }

    private static void ScanAws(string text, SecretLocation location, List<SecretFinding> found)
    {
        foreach (var match in Candidates(text, SecretPatterns.AwsAccessKeyId(), SecretPatterns.UpperAlphanumericRun))
        {
            var value = text.AsSpan(match.Index, match.Length);
            var body = value[4..];
            if (value.Length == 20 && !body.ContainsAnyExcept(Base32Characters) && LooksRandom(body, 3.0))
            {
                found.Add(new SecretFinding(SecretKind.AwsAccessKeyId, location, match.Index, match.Length, value[..4].ToString()));
            }
        }
    }

    /// <summary>
    /// A secret access key has no prefix: 40 base64 characters. Only looked for beside an access key id (they travel
    /// together), and only runs of exactly 40 with upper, lower and digits count, so commit SHAs and longer base64
    /// (images) never do.
    /// </summary>
    private static void ScanAwsSecretKeys(string text, SecretLocation location, List<SecretFinding> found)
    {
        var specific = found.Count;
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            var start = span[i..].IndexOfAny(Base64Characters);
            if (start < 0)
            {
                return;
            }

            start += i;
            var length = span[start..].IndexOfAnyExcept(Base64Characters);
            length = length < 0 ? span.Length - start : length;
            var run = span.Slice(start, length);
            if (length == 40 && ValueShape.CharacterClasses(run) >= 3 && LooksRandom(run, 4.0) && !Overlaps(found, start, start + length, specific))
            {
                found.Add(new SecretFinding(SecretKind.AwsSecretAccessKey, location, start, length, string.Empty));
            }

            i = start + length;
        }
    }

    private static void ScanPem(string text, SecretLocation location, List<SecretFinding> found)
    {
        var kind = text.Contains("service_account", StringComparison.Ordinal) && SecretPatterns.GoogleServiceAccount().IsMatch(text)
            ? SecretKind.GoogleServiceAccountKey
            : SecretKind.PemPrivateKey;
        var coveredUntil = 0;
        Match? end = null;
        foreach (var begin in SecretPatterns.PemBegin().EnumerateMatches(text))
        {
            if (begin.Index < coveredUntil)
            {
                continue;
            }

            // The next END after this BEGIN, searched again only once passed, so many BEGINs cost one pass.
            var bodyStart = begin.Index + begin.Length;
            if (end is null || (end.Success && end.Index < bodyStart))
            {
                end = SecretPatterns.PemEnd().Match(text, bodyStart);
            }

            var blockEnd = end.Success ? end.Index + end.Length : EndOfBase64Body(text, bodyStart);
            var bodyEnd = end.Success ? end.Index : blockEnd;
            if (CountBase64(text.AsSpan(bodyStart, bodyEnd - bodyStart)) >= 64)
            {
                found.Add(new SecretFinding(kind, location, begin.Index, blockEnd - begin.Index, string.Empty));
                coveredUntil = blockEnd;
            }
        }
    }

    private static void ScanGoogleApiKeys(string text, SecretLocation location, List<SecretFinding> found)
    {
        foreach (var match in Candidates(text, SecretPatterns.GoogleApiKey(), SecretPatterns.Base64UrlRun))
        {
            if (match.Length == 39 && LooksRandom(text.AsSpan(match.Index + 4, 35), 3.0))
            {
                found.Add(new SecretFinding(SecretKind.GoogleApiKey, location, match.Index, match.Length, "AIza"));
            }
        }
    }

    private static void ScanSlack(string text, SecretLocation location, List<SecretFinding> found)
    {
        var candidates = Candidates(text, SecretPatterns.SlackToken(), SecretPatterns.SlackTokenRun);
        candidates.AddRange(Candidates(text, SecretPatterns.SlackWebhook(), SecretPatterns.UrlPathRun));
        foreach (var match in candidates)
        {
            var value = text.AsSpan(match.Index, match.Length);
            if (value.StartsWith("https://", StringComparison.Ordinal))
            {
                // https://hooks.slack.com/services/T…/B…/<24 characters>
                var path = value["https://hooks.slack.com/services/".Length..].ToString().Split('/');
                if (path.Length == 3 && path[0].StartsWith('T') && path[1].StartsWith('B') && path[2].Length >= 20 && LooksRandom(path[2], 3.0))
                {
                    found.Add(new SecretFinding(SecretKind.SlackWebhookUrl, location, match.Index, match.Length, "https://hooks.slack.com/services/"));
                }

                continue;
            }

            var dash = value.IndexOf('-');
            var body = value[(dash + 1)..];
            var segments = body.ToString().Split('-');
            if (body.Length >= 24 && segments.Length >= 3 && segments[^1].Length >= 10 && body.IndexOfAnyInRange('0', '9') >= 0 && LooksRandom(segments[^1], 3.0))
            {
                found.Add(new SecretFinding(SecretKind.SlackToken, location, match.Index, match.Length, value[..(dash + 1)].ToString()));
            }
        }
    }

    private static void ScanStripe(string text, SecretLocation location, List<SecretFinding> found)
    {
        var candidates = Candidates(text, SecretPatterns.StripeKey(), SecretPatterns.Alphanumeric);
        candidates.AddRange(Candidates(text, SecretPatterns.StripeWebhookSecret(), SecretPatterns.Base64Run));
        foreach (var match in candidates)
        {
            var value = text.AsSpan(match.Index, match.Length);
            var webhook = value.StartsWith("whsec_", StringComparison.Ordinal);
            var prefixLength = webhook ? "whsec_".Length : "sk_live_".Length;
            var body = value[prefixLength..];
            if (body.Length >= (webhook ? 32 : 24) && LooksRandom(body, 3.0))
            {
                found.Add(new SecretFinding(webhook ? SecretKind.StripeWebhookSecret : SecretKind.StripeSecretKey, location, match.Index, match.Length, value[..prefixLength].ToString()));
            }
        }
    }

    /// <summary>
    /// <c>password=…</c> and friends: the value counts only when it looks random (length, entropy, mixed
    /// characters) and is not a reference (<c>$TOKEN</c>, <c>settings.token</c>), a path, a URL or a placeholder.
    /// </summary>
    private static void ScanAssignments(string text, SecretLocation location, List<SecretFinding> found)
    {
        var specific = found.Count;
        var at = 0;
        while (at < text.Length)
        {
            var match = FirstMatch(SecretPatterns.Assignment(), text, at);
            if (match.Length == 0)
            {
                break;
            }

            var valueStart = match.Index + match.Length;
            var length = text.AsSpan(valueStart).IndexOfAny(SecretPatterns.ValueDelimiters);
            var valueEnd = length < 0 ? text.Length : valueStart + length;
            // The search resumes after the value: "password=password=…" is one assignment, not thousands.
            at = Math.Max(valueEnd, match.Index + 1);
            var value = TrimSentenceEnd(text.AsSpan(valueStart, valueEnd - valueStart));
            var name = text.AsSpan(match.Index, match.Length);
            name = name[..name.IndexOfAny(':', '=')].TrimEnd(" \t\"'");
            if (value.Length is < 10 or > MaxAssignmentValue
                || NamesNoSecret(name)
                || value[0] is '/' or '.' or '~' or '\\'
                || value.Contains("://", StringComparison.Ordinal)
                || ValueShape.IsReference(value)
                || ValueShape.CharacterClasses(value) < 2
                || !LooksRandom(value, 3.0)
                || Overlaps(found, valueStart, valueStart + value.Length, specific))
            {
                continue;
            }

            found.Add(new SecretFinding(SecretKind.GenericSecretAssignment, location, valueStart, value.Length, string.Empty));
        }

        if (specific > 0 && found.Count > specific)
        {
            found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>
    /// <c>private_key_id</c>, <c>token_expires_at</c>, <c>password_file</c>: names that say the value is about a secret,
    /// not the secret.
    /// </summary>
    private static bool NamesNoSecret(ReadOnlySpan<char> name)
    {
        foreach (var ending in NonSecretNameEndings)
        {
            if (name.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Each prefix <paramref name="prefix"/> finds, extended over <paramref name="run"/> characters: the candidate's
    /// extent. A prefix glued to a letter or digit before it (<c>xglpat-</c>) is no token. The search resumes after
    /// each run, since a prefix inside a run is glued to it: every character is looked at a constant number of times.
    /// </summary>
    private static List<(int Index, int Length)> Candidates(string text, Regex prefix, SearchValues<char> run)
    {
        var candidates = new List<(int Index, int Length)>();
        var at = 0;
        while (at < text.Length)
        {
            var match = FirstMatch(prefix, text, at);
            if (match.Length == 0)
            {
                break;
            }

            var bodyStart = match.Index + match.Length;
            var length = text.AsSpan(bodyStart).IndexOfAnyExcept(run);
            var end = length < 0 ? text.Length : bodyStart + length;
            // No credential is longer than a few hundred characters: longer runs are not looked at (or copied).
            if ((match.Index == 0 || !SecretPatterns.Alphanumeric.Contains(text[match.Index - 1])) && end - match.Index <= MaxTokenLength)
            {
                candidates.Add((match.Index, end - match.Index));
            }

            at = end;
        }

        return candidates;
    }

    private static ValueMatch FirstMatch(Regex pattern, string text, int startAt)
    {
        foreach (var match in pattern.EnumerateMatches(text, startAt))
        {
            return match;
        }

        return default;
    }

    private static ReadOnlySpan<char> CutAtAny(ReadOnlySpan<char> value, params ReadOnlySpan<string> endings)
    {
        foreach (var ending in endings)
        {
            var at = value.IndexOf(ending, StringComparison.Ordinal);
            if (at >= 0)
            {
                return value[..at];
            }
        }

        return value;
    }

    private static bool LooksRandom(ReadOnlySpan<char> value, double minimumEntropy) =>
        !ValueShape.IsPlaceholder(value) && ValueShape.Entropy(value) >= minimumEntropy;

    /// <summary>A full stop after a value ends the sentence, not the value.</summary>
    private static ReadOnlySpan<char> TrimSentenceEnd(ReadOnlySpan<char> value) => value.TrimEnd('.');

    private static int EndOfBase64Body(string text, int from)
    {
        var i = from;
        while (i < text.Length && (Base64Characters.Contains(text[i]) || text[i] is '=' or '\\' or '\r' or '\n' or ' ' or '\t'))
        {
            i++;
        }

        return i;
    }

    private static int CountBase64(ReadOnlySpan<char> body)
    {
        var count = 0;
        foreach (var c in body)
        {
            count += Base64Characters.Contains(c) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Whether [start, end) overlaps one of the first <paramref name="count"/> findings (sorted by start).</summary>
    private static bool Overlaps(List<SecretFinding> sorted, int start, int end, int count = -1)
    {
        count = count < 0 ? sorted.Count : count;
        int lo = 0, hi = count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var f = sorted[mid];
            if (f.End <= start)
            {
                lo = mid + 1;
            }
            else if (f.Start >= end)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
