namespace IssueHygiene.Core.Secrets;

/// <summary>
/// What each <see cref="SecretKind"/> is called in notes and reports, and its documented prefix: the only part of a
/// value IssueHygiene ever shows (the prefix says which credential to rotate; anything after it would help an attacker).
/// </summary>
public static class SecretKinds
{
    /// <summary>A readable name, with an article: "a GitLab personal access token".</summary>
    public static string Describe(this SecretKind kind) => kind switch
    {
        SecretKind.GitLabPersonalAccessToken => "a GitLab personal, project or group access token",
        SecretKind.GitLabDeployToken => "a GitLab deploy token",
        SecretKind.GitLabRunnerAuthenticationToken => "a GitLab runner authentication token",
        SecretKind.GitLabRunnerRegistrationToken => "a GitLab runner registration token",
        SecretKind.GitLabCiJobToken => "a GitLab CI/CD job token",
        SecretKind.GitLabPipelineTriggerToken => "a GitLab pipeline trigger token",
        SecretKind.GitLabOAuthApplicationSecret => "a GitLab OAuth application secret",
        SecretKind.GitLabFeedToken => "a GitLab feed token",
        SecretKind.GitLabIncomingMailToken => "a GitLab incoming mail token",
        SecretKind.GitLabAgentToken => "a GitLab agent for Kubernetes token",
        SecretKind.GitLabScimToken => "a GitLab SCIM token",
        SecretKind.GitLabFeatureFlagsClientToken => "a GitLab feature flags client token",
        SecretKind.GitLabTestToken => "a GitLab token (gltst-)",
        SecretKind.GitLabSessionCookie => "a GitLab session cookie",
        SecretKind.GitHubToken => "a GitHub token",
        SecretKind.GitHubFineGrainedToken => "a GitHub fine-grained personal access token",
        SecretKind.AwsAccessKeyId => "an AWS access key id",
        SecretKind.AwsSecretAccessKey => "an AWS secret access key",
        SecretKind.PemPrivateKey => "a private key (PEM)",
        SecretKind.GoogleServiceAccountKey => "a Google service-account key",
        SecretKind.GoogleApiKey => "a Google API key",
        SecretKind.SlackToken => "a Slack token",
        SecretKind.SlackWebhookUrl => "a Slack incoming-webhook URL",
        SecretKind.StripeSecretKey => "a Stripe secret key",
        SecretKind.StripeWebhookSecret => "a Stripe webhook signing secret",
        _ => "a password, secret or token assignment",
    };
}
