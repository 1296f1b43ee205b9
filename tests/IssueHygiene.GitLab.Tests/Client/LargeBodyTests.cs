using System.Text;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.GitLab.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IssueHygiene.GitLab.Tests.Client;

/// <summary>
/// Bodies larger than one buffer chunk (a page of 100 issues is about 225 KB; a description may hold 1 MiB) are parsed
/// across chunks with the same rules as a small body: the same values, malformed or trailing JSON refused.
/// </summary>
public sealed class LargeBodyTests(WireMockFixture fixture) : GitLabServerTest(fixture)
{
    private const string IssuePath = "/api/v4/projects/team/app/issues/12";

    private static string IssueWithDescription(string description) =>
        GitLabResponses.Issue(12).Replace("\"milestone\": null", "\"milestone\": null, \"description\": " + System.Text.Json.JsonSerializer.Serialize(description), StringComparison.Ordinal);

    private void GivenIssueBody(byte[] body) =>
        Server.Given(Request.Create().WithPath(IssuePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

    [Fact]
    public async Task GetIssueAsync_DescriptionOfAQuarterMegabyte_IsReadWholeAcrossChunks()
    {
        // Multi-byte characters on every chunk boundary: a UTF-8 sequence split between chunks must still decode.
        var description = string.Concat(Enumerable.Repeat("ünïcødé ✓ 🧹 ", 20_000));
        GivenIssueBody(Encoding.UTF8.GetBytes(IssueWithDescription(description)));

        var issue = await CreateClient().GetIssueAsync("team/app", 12);

        Assert.Equal(12, issue.Iid);
        Assert.Equal(description, issue.Description);
    }

    [Fact]
    public async Task ListProjectIssuesAsync_PageOfLargeIssues_ListsEveryIssue()
    {
        var issues = Enumerable.Range(1, 100).Select(i => GitLabResponses.Issue(i).Replace("\"milestone\": null", "\"milestone\": null, \"description\": \"" + new string('d', 3_000) + "\"", StringComparison.Ordinal));
        var page = "[" + string.Join(',', issues) + "]";
        Assert.True(page.Length > 300_000);
        Server.Given(Request.Create().WithPath("/api/v4/projects/1/issues").UsingGet()).RespondWith(GitLabResponses.Json(page).WithHeader("X-Page", "1").WithHeader("X-Next-Page", ""));

        var iids = new List<long>();
        await foreach (var issue in CreateClient().ListProjectIssuesAsync(1, IssueQuery.OpenIssues))
        {
            Assert.Equal(3_000, issue.Description?.Length);
            iids.Add(issue.Iid);
        }

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), iids);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public async Task GetIssueAsync_TrailingDataOrTruncatedJson_IsRefusedWhateverTheBodysSize(bool trailingData, bool large)
    {
        var json = IssueWithDescription(large ? new string('x', 200_000) : "small");
        GivenIssueBody(Encoding.UTF8.GetBytes(trailingData ? json + """ {"id": 2}""" : json[..^40]));

        var ex = await Assert.ThrowsAsync<GitLabInvalidResponseException>(() => CreateClient().GetIssueAsync("team/app", 12));

        Assert.Contains("malformed JSON", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetIssueAsync_ByteOrderMarkBeforeTheJson_IsIgnoredWhateverTheBodysSize(bool large)
    {
        var description = large ? new string('x', 200_000) : "small";
        GivenIssueBody([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(IssueWithDescription(description))]);

        var issue = await CreateClient().GetIssueAsync("team/app", 12);

        Assert.Equal(description, issue.Description);
    }
}
