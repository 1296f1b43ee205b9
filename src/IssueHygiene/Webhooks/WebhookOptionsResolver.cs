using IssueHygiene.Hosting;

namespace IssueHygiene.Webhooks;

/// <summary>The accepted secrets (<c>Webhook:Secrets</c> plus <c>Webhook:Secret</c>) and the start-up checks on them.</summary>
public static class WebhookOptionsResolver
{
    /// <summary>Largest body accepted: GitLab's description limit twice over (<c>changes</c>), with room (docs/architecture.md §8).</summary>
    public const long MaxBodyBytes = 8L * 1024 * 1024;

    public static IReadOnlyList<string> Secrets(WebhookOptions options) =>
        [.. options.Secrets.Append(options.Secret ?? string.Empty).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal)];

    /// <summary>Problems that stop <c>serve</c> from starting (each a clear sentence naming the key).</summary>
    /// <param name="options">The webhook section.</param>
    /// <param name="pollingEnabled">Polling is on: serve may then run without a secret (a polling-only installation, whose endpoint refuses every delivery with 401).</param>
    public static IReadOnlyList<string> Validate(WebhookOptions options, bool pollingEnabled = false)
    {
        var problems = new List<string>();
        var secrets = Secrets(options);
        if (secrets.Count == 0 && !options.AllowInsecure && !pollingEnabled)
        {
            problems.Add("no webhook secret: set Webhook:Secrets (IssueHygiene__Webhook__Secrets__0) to the token configured on the GitLab webhook, "
                + "or Webhook:AllowInsecure=true for local development only");
        }

        if (secrets.Any(s => s.Length < 16) && !options.AllowInsecure)
        {
            problems.Add("a webhook secret is shorter than 16 characters: use a long random value (e.g. openssl rand -hex 32)");
        }

        if (secrets.Any(s => s.Any(c => char.IsControl(c))))
        {
            problems.Add("a webhook secret contains control characters (a stray newline from a file?)");
        }

        return problems;
    }
}
