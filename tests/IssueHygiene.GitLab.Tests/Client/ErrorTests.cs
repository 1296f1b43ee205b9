using System.Net;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IssueHygiene.GitLab.Tests.Client;

/// <summary>Errors are typed, name the resource, carry a short body excerpt and never the token.</summary>
public sealed class ErrorTests(WireMockFixture fixture) : GitLabServerTest(fixture)
{
    private const string IssuePath = "/api/v4/projects/team/app/issues/12";

    private void GivenIssueAnswer(IResponseBuilder response) =>
        Server.Given(Request.Create().WithPath(IssuePath).UsingGet()).RespondWith(response);

    private async Task<TException> GetIssueFailsWith<TException>()
        where TException : Exception
    {
        var ex = await Assert.ThrowsAsync<TException>(() => CreateClient().GetIssueAsync("team/app", 12));
        Assert.DoesNotContain(Token, ex.ToString(), StringComparison.Ordinal);
        return ex;
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task GetIssueAsync_401Or403_ThrowsAuthExceptionNamingTheIssue(int status)
    {
        GivenIssueAnswer(GitLabResponses.Json("""{"message": "401 Unauthorized"}""", status));

        var ex = await GetIssueFailsWith<GitLabAuthException>();

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Contains("issue team/app#12", ex.Message, StringComparison.Ordinal);
        Assert.Single(Server.LogEntries);
    }

    [Fact]
    public async Task GetIssueAsync_404_ThrowsNotFoundNamingTheIssue()
    {
        GivenIssueAnswer(GitLabResponses.Json("""{"message": "404 Not found"}""", 404));

        var ex = await GetIssueFailsWith<GitLabNotFoundException>();

        Assert.Equal("issue team/app#12", ex.Resource);
        Assert.Equal("GET /projects/:id/issues/:iid", ex.Endpoint);
        Assert.Contains("issue team/app#12", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProjectAsync_404_NamesTheProject()
    {
        Server.Given(Request.Create().WithPath("/api/v4/projects/team/gone")).RespondWith(GitLabResponses.Json("""{"message": "404 Project Not Found"}""", 404));

        var ex = await Assert.ThrowsAsync<GitLabNotFoundException>(() => CreateClient().GetProjectAsync("team/gone"));

        Assert.Contains("project 'team/gone'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIssueAsync_HtmlInsteadOfJson_ThrowsInvalidResponseSayingSo()
    {
        GivenIssueAnswer(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html; charset=utf-8")
            .WithBody("<!DOCTYPE html><html><head><title>Sign in · GitLab</title></head><body>...</body></html>"));

        var ex = await GetIssueFailsWith<GitLabInvalidResponseException>();

        Assert.Contains("text/html", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sign in", ex.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIssueAsync_HtmlLabelledAsJson_IsStillRecognisedAsHtml()
    {
        GivenIssueAnswer(GitLabResponses.Json("<html><body>502 Bad Gateway</body></html>"));

        var ex = await GetIssueFailsWith<GitLabInvalidResponseException>();

        Assert.Contains("(HTML)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIssueAsync_TruncatedJson_ThrowsInvalidResponse()
    {
        var full = GitLabResponses.Issue(12);
        GivenIssueAnswer(GitLabResponses.Json(full[..(full.Length / 2)]));

        var ex = await GetIssueFailsWith<GitLabInvalidResponseException>();

        Assert.Contains("truncated or malformed JSON", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("""{"id": 1, "title": "no iid, no state"}""")]
    public async Task GetIssueAsync_EmptyNullOrIncompleteBody_ThrowsInvalidResponse(string body)
    {
        GivenIssueAnswer(GitLabResponses.Json(body));

        await GetIssueFailsWith<GitLabInvalidResponseException>();
    }

    [Fact]
    public async Task GetIssueAsync_ErrorBodyEchoingTheToken_RedactsIt()
    {
        GivenIssueAnswer(GitLabResponses.Json($$"""{"message": "422 token {{Token}} is not allowed here"}""", 422));

        var ex = await GetIssueFailsWith<GitLabApiException>();

        Assert.Equal((HttpStatusCode)422, ex.StatusCode);
        Assert.Contains("[REDACTED]", ex.BodyExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIssueAsync_LongErrorBody_KeepsAShortExcerpt()
    {
        GivenIssueAnswer(GitLabResponses.Json($$"""{"message": "{{new string('x', 5000)}}"}""", 409));

        var ex = await GetIssueFailsWith<GitLabApiException>();

        Assert.InRange(ex.BodyExcerpt!.Length, 1, 301);
        Assert.InRange(ex.Message.Length, 1, 500);
    }

    [Fact]
    public async Task GetIssueAsync_Proxy502HtmlAfterRetries_ThrowsApiExceptionWithStatus()
    {
        GivenIssueAnswer(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html>Bad Gateway</html>"));

        var ex = await GetIssueFailsWith<GitLabApiException>();

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Equal(3, Server.LogEntries.Count);
    }

    [Fact]
    public async Task GetEffectiveAccessLevelAsync_404_IsNoAccessNotAnError()
    {
        Server.Given(Request.Create().WithPath("/api/v4/projects/1/members/all/42")).RespondWith(GitLabResponses.Json("""{"message": "404 Not found"}""", 404));

        Assert.Equal(IssueHygiene.GitLab.Dtos.GitLabAccessLevel.None, await CreateClient().GetEffectiveAccessLevelAsync(1, 42));
    }
}
