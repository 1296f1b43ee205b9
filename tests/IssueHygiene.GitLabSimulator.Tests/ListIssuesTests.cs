using System.Globalization;
using System.Net;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Issue list filters, ordering and both paginations, checked against the simulator's own state.</summary>
public sealed class ListIssuesTests(GeneratedTrackerFixture tracker) : IClassFixture<GeneratedTrackerFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestSimulator.Now.UtcDateTime);

    private long Project => tracker.Sim.ProjectId();

    private IReadOnlyList<IssueView> Issues => tracker.Sim.State.Issues(Project);

    private async Task<int> TotalAsync(string query)
    {
        var response = await tracker.Client.GetApiAsync($"api/v4/projects/{Project}/issues?{query}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return int.Parse(response.Header("X-Total")!, CultureInfo.InvariantCulture);
    }

    public static TheoryData<string, Func<IssueView, bool>> Filters => new()
    {
        { "state=all", _ => true },
        { "state=opened", i => i.State == "opened" },
        { "state=closed", i => i.State == "closed" },
        { "labels=Bug", i => i.Labels.Contains("Bug") },
        { "labels=Bug,CLI", i => i.Labels.Contains("Bug") && i.Labels.Contains("CLI") },
        { "labels=flow::Doing&state=opened", i => i.Labels.Contains("flow::Doing") && i.State == "opened" },
        { "labels=None", i => i.Labels.Count == 0 },
        { "labels=Any", i => i.Labels.Count > 0 },
        { "not[labels]=Bug", i => !i.Labels.Contains("Bug") },
        { "not[labels]=Bug,Discussion", i => !i.Labels.Contains("Bug") && !i.Labels.Contains("Discussion") },
        { "milestone=Backlog", i => i.MilestoneTitle == "Backlog" },
        { "milestone=None", i => i.MilestoneId is null },
        { "milestone=Any", i => i.MilestoneId is not null },
        { "milestone_id=None", i => i.MilestoneId is null },
        { "milestone_id=Any", i => i.MilestoneId is not null },
        // Monday 2026-11-23: the nearest future due date is Friday 2026-11-27.
        { "milestone_id=Upcoming", i => i.MilestoneTitle == "2026-11-27" },
        { "milestone_id=Started", i => i.MilestoneTitle is { } t && t != "Backlog" && DateOnly.Parse(t, CultureInfo.InvariantCulture).AddDays(-4) <= Today },
        { "assignee_id=None", i => i.AssigneeUsernames.Count == 0 },
        { "assignee_id=Any", i => i.AssigneeUsernames.Count > 0 },
        { "state=opened&milestone=Backlog&labels=flow::To Do", i => i.State == "opened" && i.MilestoneTitle == "Backlog" && i.Labels.Contains("flow::To Do") },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task ListProjectIssues_Filter_CountsWhatGitLabWould(string query, Func<IssueView, bool> matches)
    {
        var expected = Issues.Count(matches);

        Assert.True(expected > 0 || query.Contains("None", StringComparison.Ordinal), $"the generated tracker should exercise {query}");
        Assert.Equal(expected, await TotalAsync(query));
    }

    [Fact]
    public async Task ListProjectIssues_UpdatedAfter_IsInclusive()
    {
        var pivot = Issues.OrderBy(i => i.UpdatedAt).ElementAt(Issues.Count / 2).UpdatedAt;
        var expected = Issues.Count(i => i.UpdatedAt >= pivot);

        var total = await TotalAsync("updated_after=" + Uri.EscapeDataString(pivot.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffK", CultureInfo.InvariantCulture)));

        Assert.Equal(expected, total);
    }

    [Theory]
    [InlineData("created_at", "asc")]
    [InlineData("created_at", "desc")]
    [InlineData("updated_at", "asc")]
    [InlineData("updated_at", "desc")]
    public async Task ListProjectIssues_OrderBySort_ReturnsTheFirstPageInThatOrder(string orderBy, string sort)
    {
        Func<IssueView, DateTimeOffset> key = orderBy == "created_at" ? i => i.CreatedAt : i => i.UpdatedAt;
        var ordered = sort == "asc" ? Issues.OrderBy(key).ThenBy(i => i.Id) : Issues.OrderByDescending(key).ThenByDescending(i => i.Id);

        var response = await tracker.Client.GetApiAsync($"api/v4/projects/{Project}/issues?order_by={orderBy}&sort={sort}&per_page=50");

        Assert.Equal(ordered.Take(50).Select(i => i.Iid), response.Array.Select(i => i!["iid"]!.GetValue<long>()));
    }

    [Theory]
    [InlineData("order_by=priority_x", "order_by does not have a valid value")]
    [InlineData("sort=up", "sort does not have a valid value")]
    [InlineData("state=open", "state does not have a valid value")]
    [InlineData("milestone_id=5", "milestone_id does not have a valid value")]
    [InlineData("updated_after=yesterday", "updated_after is invalid")]
    public async Task ListProjectIssues_InvalidParameter_Returns400(string query, string error)
    {
        var response = await tracker.Client.GetApiAsync($"api/v4/projects/{Project}/issues?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(error, response.Object["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListGroupIssues_SecondPage_HasAllPaginationHeadersAndLinks()
    {
        var group = tracker.Sim.Handbook!.GroupId;

        var response = await tracker.Client.GetApiAsync($"api/v4/groups/{group}/issues?state=all&per_page=100&page=2");

        var total = tracker.Sim.State.IssueCount;
        Assert.Equal(100, response.Array.Count);
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), response.Header("X-Total"));
        Assert.Equal(((total + 99) / 100).ToString(CultureInfo.InvariantCulture), response.Header("X-Total-Pages"));
        Assert.Equal("2", response.Header("X-Page"));
        Assert.Equal("100", response.Header("X-Per-Page"));
        Assert.Equal("3", response.Header("X-Next-Page"));
        Assert.Equal("1", response.Header("X-Prev-Page"));
        var link = response.Header("Link")!;
        Assert.Contains("page=3&per_page=100>; rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("page=1&per_page=100>; rel=\"prev\"", link, StringComparison.Ordinal);
        Assert.Contains("rel=\"first\"", link, StringComparison.Ordinal);
        Assert.Contains("rel=\"last\"", link, StringComparison.Ordinal);
        Assert.Contains("state=all", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListProjectIssues_LastPage_HasNoNextPage()
    {
        var count = Issues.Count;
        var lastPage = (count + 99) / 100;

        var response = await tracker.Client.GetApiAsync($"api/v4/projects/{Project}/issues?per_page=100&page={lastPage}");

        Assert.Equal(count - ((lastPage - 1) * 100), response.Array.Count);
        Assert.Equal("", response.Header("X-Next-Page"));
        Assert.DoesNotContain("rel=\"next\"", response.Header("Link"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListProjectIssues_PerPageAbove100_IsCappedAt100()
    {
        var response = await tracker.Client.GetApiAsync($"api/v4/projects/{Project}/issues?per_page=500");

        Assert.Equal(100, response.Array.Count);
        Assert.Equal("100", response.Header("X-Per-Page"));
    }

    [Theory]
    [InlineData("created_at", "desc", "")]
    [InlineData("updated_at", "asc", "&state=opened")]
    [InlineData("id", "asc", "&labels=Bug")]
    public async Task ListProjectIssues_Keyset_FollowingLinkVisitsEveryIssueOnceInOrder(string orderBy, string sort, string filter)
    {
        var opened = filter.Contains("opened", StringComparison.Ordinal);
        var bug = filter.Contains("Bug", StringComparison.Ordinal);
        Func<IssueView, long> key = orderBy switch
        {
            "created_at" => i => i.CreatedAt.UtcTicks,
            "updated_at" => i => i.UpdatedAt.UtcTicks,
            _ => i => i.Id,
        };
        var matching = Issues.Where(i => (!opened || i.State == "opened") && (!bug || i.Labels.Contains("Bug")));
        var expected = (sort == "asc" ? matching.OrderBy(key).ThenBy(i => i.Id) : matching.OrderByDescending(key).ThenByDescending(i => i.Id)).Select(i => i.Iid).ToList();

        var seen = new List<long>();
        string? url = $"api/v4/projects/{Project}/issues?pagination=keyset&per_page=100&order_by={orderBy}&sort={sort}{filter}";
        while (url is not null)
        {
            var response = await tracker.Client.GetApiAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.Status);
            Assert.Null(response.Header("X-Total"));
            seen.AddRange(response.Array.Select(i => i!["iid"]!.GetValue<long>()));
            url = NextLink(response.Header("Link"));
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task ListGroupIssues_Keyset_IsNotAvailable()
    {
        var response = await tracker.Client.GetApiAsync($"api/v4/groups/{tracker.Sim.Handbook!.GroupId}/issues?pagination=keyset");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
    }

    private static string? NextLink(string? link)
    {
        if (link is null)
        {
            return null;
        }

        var match = System.Text.RegularExpressions.Regex.Match(link, "<([^>]+)>; rel=\"next\"");
        return match.Success ? match.Groups[1].Value : null;
    }
}
