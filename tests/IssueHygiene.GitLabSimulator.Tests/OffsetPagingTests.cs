using System.Net;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>
/// Offset pages read in order resume the previous page's walk inside the simulator (so a million issues page in one
/// pass): the answers must be exactly those of a walk from the start, also when an issue changes between pages.
/// </summary>
public sealed class OffsetPagingTests : IAsyncLifetime
{
    private SimulatedGitLab _sim = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSimulator.StartAsync(issues: 700);
        _client = _sim.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    private string Url(int page, int perPage = 100) => $"api/v4/groups/{_sim.Handbook!.GroupId}/issues?state=opened&per_page={perPage}&page={page}";

    [Fact]
    public async Task GroupIssues_PagesInOrder_SameAsEachPageAskedOnItsOwn()
    {
        var opened = _sim.State.Issues().Count(i => i.State == "opened");
        var pages = (opened + 99) / 100;
        Assert.True(pages > 3, $"{opened} open issues");
        var inOrder = new List<List<long>>();
        for (var page = 1; page <= pages; page++)
        {
            inOrder.Add(await IdsAsync(Url(page)));
        }

        // Backwards: no page starts where the one before it ended, so each is a walk from the start.
        for (var page = pages; page >= 1; page--)
        {
            Assert.Equal(await IdsAsync(Url(page)), inOrder[page - 1]);
        }

        Assert.Equal(opened, inOrder.SelectMany(p => p).Distinct().Count());
    }

    [Fact]
    public async Task GroupIssues_IssueClosedBetweenPages_NextPageShowsTheChange()
    {
        var first = await IdsAsync(Url(1));
        var closed = _sim.State.Issues().Single(i => i.Id == first[10]);

        var edit = await _client.PutApiAsync($"api/v4/projects/{closed.ProjectId}/issues/{closed.Iid}", new { state_event = "close" });
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        var second = await IdsAsync(Url(2));

        // One open issue fewer before page 2, so page 2 now starts one issue later than page 1 ended before the
        // edit: the walk kept from page 1 must not be resumed.
        var pageOneNow = await IdsAsync(Url(1));
        Assert.DoesNotContain(closed.Id, pageOneNow);
        Assert.Equal(100, pageOneNow.Count);
        Assert.Equal((await IdsAsync(Url(3, perPage: 50)))[0], second[0]);
        Assert.Equal(await IdsAsync(Url(2)), second);
    }

    private async Task<List<long>> IdsAsync(string url)
    {
        var response = await _client.GetApiAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return [.. response.Array.Select(i => i!["id"]!.GetValue<long>())];
    }
}
