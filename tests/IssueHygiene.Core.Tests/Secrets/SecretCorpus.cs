using IssueHygiene.Core.Secrets;

namespace IssueHygiene.Core.Tests.Secrets;

/// <summary>One text of the corpus and the credentials it holds (none for a false-positive case).</summary>
internal sealed record CorpusCase(string Name, string Text, IReadOnlyList<(SecretKind Kind, string Value)> Expected)
{
    public override string ToString() => Name;
}

/// <summary>
/// The detector's corpus: a true positive for every format, as people paste them into issues, and the realistic
/// look-alikes that must not count (UUIDs, commit SHAs, base64 images, hashes, documentation placeholders, masked CI
/// output). Built from a seed, so every run sees the same texts.
/// </summary>
internal static class SecretCorpus
{
    public static IReadOnlyList<CorpusCase> TruePositives(int seed = 20261123)
    {
        var s = new SecretSamples(seed);
        var cases = new List<CorpusCase>();

        void Add(string name, SecretKind kind, string value, Func<string, string> context) =>
            cases.Add(new CorpusCase(name, context(value), [(kind, value)]));

        Add("gitlab personal access token in curl", SecretKind.GitLabPersonalAccessToken, s.GitLab("glpat-"),
            v => $"Repro:\n\n```\ncurl --header \"PRIVATE-TOKEN: {v}\" https://gitlab.example.com/api/v4/projects\n```\nreturns 500.");
        Add("gitlab routable personal access token", SecretKind.GitLabPersonalAccessToken, s.GitLabRoutable("glpat-"),
            v => $"My new token {v}. does not work with the CLI");
        Add("gitlab project access token in yaml", SecretKind.GitLabPersonalAccessToken, s.GitLab("glpat-"),
            v => $"```yaml\nextractors:\n  - name: tap-gitlab\n    config:\n      private_token: {v}\n```");
        Add("gitlab deploy token", SecretKind.GitLabDeployToken, s.GitLab("gldt-"),
            v => $"docker login -u gitlab+deploy-token-12 -p {v} registry.gitlab.com");
        Add("gitlab runner authentication token", SecretKind.GitLabRunnerAuthenticationToken, s.GitLab("glrt-"),
            v => $"[[runners]]\n  name = \"ci-1\"\n  url = \"https://gitlab.com\"\n  token = \"{v}\"");
        Add("gitlab routable runner token", SecretKind.GitLabRunnerAuthenticationToken, s.GitLabRoutable("glrt-t1_"),
            v => $"gitlab-runner register --token {v}");
        Add("gitlab runner registration token", SecretKind.GitLabRunnerRegistrationToken, "GR1348941" + s.AlphanumericOf(20),
            v => $"registration-token: {v}");
        Add("gitlab ci job token", SecretKind.GitLabCiJobToken, "glcbt-" + "64_" + s.AlphanumericOf(20),
            v => $"The job log printed CI_JOB_TOKEN={v} because of set -x");
        Add("gitlab pipeline trigger token", SecretKind.GitLabPipelineTriggerToken, s.GitLabPipelineTrigger(),
            v => $"curl -X POST --fail -F token={v} -F ref=main https://gitlab.com/api/v4/projects/9/trigger/pipeline");
        Add("gitlab oauth application secret", SecretKind.GitLabOAuthApplicationSecret, s.GitLab("gloas-", 64),
            v => $"OAuth app: client id 8f2c…, secret {v}");
        Add("gitlab feed token", SecretKind.GitLabFeedToken, s.GitLab("glft-"),
            v => $"RSS: https://gitlab.com/dashboard/issues.atom?feed_token={v}&state=opened");
        Add("gitlab incoming mail token", SecretKind.GitLabIncomingMailToken, s.GitLab("glimt-", 25),
            v => $"Reply address is incoming+meltano-12-{v}-issue@incoming.gitlab.com");
        Add("gitlab agent token", SecretKind.GitLabAgentToken, s.GitLab("glagent-", 50),
            v => $"helm upgrade --install agent gitlab/gitlab-agent --set config.token={v}");
        Add("gitlab scim token", SecretKind.GitLabScimToken, s.GitLab("glsoat-"), v => $"SCIM token for Okta: {v}");
        Add("gitlab feature flags client token", SecretKind.GitLabFeatureFlagsClientToken, s.GitLab("glffct-"),
            v => $"unleash instance id {v}");
        Add("gitlab test token", SecretKind.GitLabTestToken, s.GitLab("gltst-"), v => $"FETCH_USER_ACCESS_TOKEN={v}");
        Add("gitlab session cookie", SecretKind.GitLabSessionCookie, s.GitLabSession(),
            v => $"Cookie: {v}; preferred_language=en");
        Add("github classic token", SecretKind.GitHubToken, s.GitHub("ghp_"),
            v => $"git clone https://{v}@github.com/meltano/sdk.git fails");
        Add("github oauth token", SecretKind.GitHubToken, s.GitHub("gho_"), v => $"export GH_AUTH={v}");
        Add("github actions token", SecretKind.GitHubToken, s.GitHub("ghs_"), v => $"The log shows {v} in the header.");
        Add("github fine-grained token", SecretKind.GitHubFineGrainedToken, s.GitHubFineGrained(), v => $"using {v} now");
        Add("google api key", SecretKind.GoogleApiKey, s.GoogleApiKey(), v => $"https://maps.googleapis.com/maps/api/geocode/json?key={v}");
        Add("slack bot token", SecretKind.SlackToken, s.SlackBotToken(), v => $"SLACK_BOT_TOKEN={v}");
        Add("slack webhook url", SecretKind.SlackWebhookUrl, s.SlackWebhook(), v => $"notifications go to {v} (channel #ci)");
        Add("stripe live secret key", SecretKind.StripeSecretKey, s.Stripe("sk_" + "live_"), v => $"Stripe::Charge fails with {v}");
        Add("stripe restricted test key", SecretKind.StripeSecretKey, s.Stripe("rk_" + "test_"), v => $"STRIPE_KEY: {v}");
        Add("stripe webhook secret", SecretKind.StripeWebhookSecret, s.StripeWebhookSecret(), v => $"endpoint secret `{v}`");
        Add("generic password assignment", SecretKind.GenericSecretAssignment, s.Password(),
            v => $"My .env:\n```\nDB_HOST=db.internal\nDB_PASSWORD={v}\n```");
        Add("generic json api key", SecretKind.GenericSecretAssignment, s.AlphanumericOf(32),
            v => $"{{\"service\": \"segment\", \"api_key\": \"{v}\"}}");
        Add("generic yaml secret", SecretKind.GenericSecretAssignment, s.Password(24),
            v => $"client_secret: '{v}'\nredirect_uri: https://example.com/cb");
        Add("generic token with arrow", SecretKind.GenericSecretAssignment, s.AlphanumericOf(28),
            v => $"config = {{ 'auth_token' => '{v}' }}");

        var pem = s.Pem("RSA PRIVATE");
        cases.Add(new CorpusCase("pem rsa private key", $"Here is the key I used:\n\n{pem}\n\nand it fails", [(SecretKind.PemPrivateKey, pem)]));
        var openSsh = s.Pem("OPENSSH PRIVATE", 20);
        cases.Add(new CorpusCase("openssh private key", $"```\n{openSsh}\n```", [(SecretKind.PemPrivateKey, openSsh)]));
        var truncated = s.Pem("EC PRIVATE", 3);
        truncated = truncated[..truncated.IndexOf("-----END", StringComparison.Ordinal)].TrimEnd('\n');
        cases.Add(new CorpusCase("pem key without end line", $"pasted half of it: {truncated}", [(SecretKind.PemPrivateKey, truncated)]));

        var serviceAccount = s.GoogleServiceAccountJson();
        var keyStart = serviceAccount.IndexOf("-----BEGIN", StringComparison.Ordinal);
        var keyEnd = serviceAccount.IndexOf("KEY-----\\n\"", serviceAccount.IndexOf("-----END", StringComparison.Ordinal), StringComparison.Ordinal) + "KEY-----".Length;
        cases.Add(new CorpusCase("google service account key", "credentials.json:\n```json\n" + serviceAccount + "\n```",
            [(SecretKind.GoogleServiceAccountKey, serviceAccount[keyStart..keyEnd])]));

        var keyId = s.AwsAccessKeyId();
        var secret = s.AwsSecretKey();
        cases.Add(new CorpusCase("aws access key id and secret key",
            $"~/.aws/credentials\n[default]\naws_access_key_id = {keyId}\naws_secret_access_key = {secret}\nregion = eu-west-1",
            [(SecretKind.AwsAccessKeyId, keyId), (SecretKind.AwsSecretAccessKey, secret)]));
        var loneKeyId = s.AwsAccessKeyId();
        cases.Add(new CorpusCase("aws access key id alone", $"IAM user {loneKeyId} cannot list buckets", [(SecretKind.AwsAccessKeyId, loneKeyId)]));

        var first = s.GitLab("glpat-");
        var second = s.GitHub("ghp_");
        cases.Add(new CorpusCase("two tokens in one text", $"old: {first}\nnew: {second}",
            [(SecretKind.GitLabPersonalAccessToken, first), (SecretKind.GitHubToken, second)]));
        return cases;
    }

    public static IReadOnlyList<CorpusCase> FalsePositives(int seed = 20261123)
    {
        var s = new SecretSamples(seed + 1);
        string[] texts =
        [
            // UUIDs, commit SHAs, hashes
            "Correlation id 550e8400-e29b-41d4-a716-446655440000 in the logs, request 6f1c2a9e-3b7d-4e0a-9c55-0d2b8e7f1a34.",
            $"Fixed in commit {s.HexOf(40)} (short {s.HexOf(8)}), reverted by {s.HexOf(40)}.",
            $"sha256: {s.HexOf(64)}\nmd5: {s.HexOf(32)}\nintegrity sha512-{s.Base64Blob(86)}==",
            $"The access token hash is {s.HexOf(64)} in the table.",
            $"Our AWS account 123456789012 and the commit {s.HexOf(40)} are unrelated.",
            // base64 images and blobs
            $"![screenshot](data:image/png;base64,{s.Base64Blob(3000)}=)",
            $"<img src=\"data:image/jpeg;base64,{s.Base64Blob(1200)}\">",
            // documentation placeholders
            "Create a token (glpat-xxxxxxxxxxxxxxxxxxxx) and set PRIVATE-TOKEN: <your_access_token>.",
            "Use `glpat-XXXXXXXXXXXXXXXXXXXX` or glpat-1234567890abcdefghij in the examples.",
            "export GITLAB_TOKEN=glpat-your-token-goes-here-xx",
            "AWS docs: aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----",
            "Slack: xoxb-not-a-real-token-this-will-not-work and https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "runner: GR1348941XXXXXXXXXXXXXXXXXXXX, trigger glptt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            $"A GitHub token with a broken checksum: {s.GitHubWrongChecksum("ghp_")}",
            "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx and whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            // masked CI output and references
            "$ echo $CI_JOB_TOKEN\n[MASKED]\n$ curl -H \"PRIVATE-TOKEN: [MASKED]\" https://gitlab.com/api/v4/user",
            "token: glpat-[MASKED] and password: ******** and secret: ****",
            "password=$DB_PASSWORD\ntoken: ${{ secrets.GITLAB_TOKEN }}\napi_key = os.environ['API_KEY']\nsecret: {{ vault_secret }}",
            "TOKEN=CI_JOB_TOKEN\naccess_token: settings.gitlab.access_token\npassword: %DB_PASSWORD%",
            "password: changeme\ntoken: REDACTED\nsecret: <redacted>\napi_key: YOUR_API_KEY_HERE",
            // ordinary prose about tokens and passwords
            "The token expired yesterday; the reset-password flow is broken. Token: expired. Password: too short.",
            "tokenizer: sentencepiece-v2-large\nsecretary: Jane Doe-Smith\npwd: /home/meltano/project",
            "See https://docs.gitlab.com/ee/security/tokens/index.html#token-prefixes and token_url: https://gitlab.com/oauth/token",
            "password_file: /etc/gitlab/initial_root_password\nsecret_file = ./secrets/db.key",
            "Build 2026.11.23-rc4 of ASIAN-PACIFIC mirror, ticket ABIA-1234, header AKIA.",
            "The `private_key` field is documented in docs/keys.md; ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 is a public key.",
        ];
        return [.. texts.Select((t, i) => new CorpusCase($"false positive {i + 1}", t, []))];
    }
}
