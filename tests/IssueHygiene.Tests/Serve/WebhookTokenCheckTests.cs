using IssueHygiene.Webhooks;

namespace IssueHygiene.Tests.Serve;

public sealed class WebhookTokenCheckTests
{
    private static readonly WebhookTokenCheck Rotating = new(["old-secret-0123456789", "new-secret-9876543210"], allowInsecure: false);

    [Theory]
    [InlineData("old-secret-0123456789", WebhookTokenResult.Accepted)]
    [InlineData("new-secret-9876543210", WebhookTokenResult.Accepted)]
    [InlineData("old-secret-012345678", WebhookTokenResult.Mismatch)]
    [InlineData("old-secret-01234567890", WebhookTokenResult.Mismatch)]
    [InlineData("OLD-SECRET-0123456789", WebhookTokenResult.Mismatch)]
    [InlineData("", WebhookTokenResult.Missing)]
    [InlineData(null, WebhookTokenResult.Missing)]
    public void Check_TokenAgainstRotatingSecrets_MatchesOnlyExactSecrets(string? token, WebhookTokenResult expected) =>
        Assert.Equal(expected, Rotating.Check(token));

    [Fact]
    public void Check_InsecureSwitchWithoutSecrets_AcceptsAnything() =>
        Assert.Equal(WebhookTokenResult.AcceptedInsecure, new WebhookTokenCheck([], allowInsecure: true).Check(null));

    [Fact]
    public void Check_InsecureSwitchWithSecrets_StillRequiresASecret()
    {
        var check = new WebhookTokenCheck(["a-real-secret-0123456789"], allowInsecure: true);
        Assert.False(check.IsInsecure);
        Assert.Equal(WebhookTokenResult.Mismatch, check.Check("guess"));
    }

    [Fact]
    public void Validate_NoSecretAndNotInsecure_RefusesNamingTheKey()
    {
        var problems = WebhookOptionsResolver.Validate(new Hosting.WebhookOptions());
        Assert.Contains(problems, p => p.Contains("IssueHygiene__Webhook__Secrets__0", StringComparison.Ordinal));
    }

    [Fact]
    public void Secrets_SecretAndSecretsList_CombinedWithoutBlanks()
    {
        var options = new Hosting.WebhookOptions { Secrets = ["first-secret-0123456789", " "], Secret = "second-secret-0123456789" };
        Assert.Equal(["first-secret-0123456789", "second-secret-0123456789"], WebhookOptionsResolver.Secrets(options));
    }
}
