namespace IssueHygiene.Core.Secrets;

/// <summary>The kinds of credential <see cref="SecretScanner"/> recognises (see <see cref="SecretKinds"/> for their names).</summary>
public enum SecretKind
{
    GitLabPersonalAccessToken,
    GitLabDeployToken,
    GitLabRunnerAuthenticationToken,
    GitLabRunnerRegistrationToken,
    GitLabCiJobToken,
    GitLabPipelineTriggerToken,
    GitLabOAuthApplicationSecret,
    GitLabFeedToken,
    GitLabIncomingMailToken,
    GitLabAgentToken,
    GitLabScimToken,
    GitLabFeatureFlagsClientToken,
    GitLabTestToken,
    GitLabSessionCookie,
    GitHubToken,
    GitHubFineGrainedToken,
    AwsAccessKeyId,
    AwsSecretAccessKey,
    PemPrivateKey,
    GoogleServiceAccountKey,
    GoogleApiKey,
    SlackToken,
    SlackWebhookUrl,
    StripeSecretKey,
    StripeWebhookSecret,
    GenericSecretAssignment,
}
