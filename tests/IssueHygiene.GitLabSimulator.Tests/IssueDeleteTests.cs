using System.Net;
using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.Seeding;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>
/// <c>DELETE /projects/:id/issues/:iid</c> as GitLab's lib/api/issues.rb <c>delete ":id/issues/:issue_iid"</c>
/// and its request spec (spec/requests/api/issues/issues_spec.rb, "DELETE /projects/:id/issues/:issue_iid") define it.
/// </summary>
public sealed class IssueDeleteTests : IAsyncLifetime
{
    private SimulatedGitLab _sim = null!;
    private HttpClient _admin = null!;
    private long _project;

    public async Task InitializeAsync()
    {
        _sim = await TestSimulator.StartAsync();
        _admin = _sim.CreateClient();
        _project = _sim.ProjectId();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _sim.DisposeAsync();
    }

    private string IssuePath(long iid) => $"api/v4/projects/{_project}/issues/{iid}";

    // issues.rb delete: authorize!(:destroy_issue) passes for an administrator; destroy_conditionally! answers 204.
    [Fact]
    public async Task DeleteIssue_Admin_Returns204AndTheIssueIsGone()
    {
        var iid = await _admin.CreateIssueAsync(_project, new { title = "to delete" });
        await _admin.CreateIssueAsync(_project, new { title = "to keep" });

        var response = await _admin.SendAsync(HttpMethod.Delete, IssuePath(iid));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Equal("", response.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetApiAsync(IssuePath(iid))).Status);
        Assert.Null(_sim.State.Issue(_project, iid));
        var listed = (await _admin.GetApiAsync($"api/v4/projects/{_project}/issues")).Array;
        Assert.Equal(["to keep"], listed.Select(i => i!["title"]!.GetValue<string>()));
    }

    // issues_spec.rb "when the user is project owner ... deletes the issue": an owner who is not an admin.
    [Fact]
    public async Task DeleteIssue_NonAdminOwner_Returns204()
    {
        var iid = await _admin.CreateIssueAsync(_project);
        lock (_sim.Store.Gate)
        {
            var maintainer = _sim.Store.UsersByUsername[SeededUsers.Maintainer];
            _sim.Store.Projects[_project].Members[maintainer.Id] = AccessLevel.Owner;
        }

        using var owner = _sim.CreateClient(SeededUsers.MaintainerToken);
        var response = await owner.SendAsync(HttpMethod.Delete, IssuePath(iid));

        Assert.Equal(HttpStatusCode.NoContent, response.Status);
        Assert.Null(_sim.State.Issue(_project, iid));
    }

    // issues_spec.rb "rejects a developer from deleting an issue": destroy_issue is an owner permission (403).
    [Theory]
    [InlineData(SeededUsers.MaintainerToken)]
    [InlineData(SeededUsers.DeveloperToken)]
    public async Task DeleteIssue_BelowOwner_Returns403AndKeepsTheIssue(string token)
    {
        var iid = await _admin.CreateIssueAsync(_project);
        using var member = _sim.CreateClient(token);

        var response = await member.SendAsync(HttpMethod.Delete, IssuePath(iid));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("403 Forbidden", response.Object["message"]!.GetValue<string>());
        Assert.NotNull(_sim.State.Issue(_project, iid));
    }

    // issues_spec.rb "when issue does not exist ... returns 404": not_found!('Issue'), also for an issue deleted before.
    [Fact]
    public async Task DeleteIssue_MissingOrAlreadyDeleted_Returns404()
    {
        var iid = await _admin.CreateIssueAsync(_project);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.SendAsync(HttpMethod.Delete, IssuePath(iid))).Status);

        var again = await _admin.SendAsync(HttpMethod.Delete, IssuePath(iid));
        var never = await _admin.SendAsync(HttpMethod.Delete, IssuePath(999_999));

        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal("404 Issue Not Found", again.Object["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, never.Status);
    }

    // Issues are identified by iid; GitLab's InternalId allocation never hands out a deleted issue's iid again.
    [Fact]
    public async Task CreateIssue_AfterADelete_GetsANewIid()
    {
        var first = await _admin.CreateIssueAsync(_project);
        var second = await _admin.CreateIssueAsync(_project);
        await _admin.SendAsync(HttpMethod.Delete, IssuePath(second));

        var third = await _admin.CreateIssueAsync(_project);

        Assert.Equal(second + 1, third);
        Assert.NotNull(_sim.State.Issue(_project, first));
    }

    // lib/api/helpers.rb check_unmodified_since! (via destroy_conditionally!): changed after If-Unmodified-Since → 412.
    [Fact]
    public async Task DeleteIssue_ChangedAfterIfUnmodifiedSince_Returns412AndKeepsTheIssue()
    {
        var iid = await _admin.CreateIssueAsync(_project);
        var before = TestSimulator.Now.AddDays(-1).ToString("r", System.Globalization.CultureInfo.InvariantCulture);

        var response = await _admin.SendAsync(HttpMethod.Delete, IssuePath(iid), headers: new Dictionary<string, string> { ["If-Unmodified-Since"] = before });

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.Status);
        Assert.Equal("412 Precondition Failed", response.Object["message"]!.GetValue<string>());
        Assert.NotNull(_sim.State.Issue(_project, iid));
    }
}
