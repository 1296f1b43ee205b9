using System.Net;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Discovery of the seeded group and projects, by id and by URL-encoded full path.</summary>
public sealed class NamespaceTests : IAsyncLifetime
{
    private SimulatedGitLab _sim = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSimulator.StartAsync();
        _client = _sim.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task ListGroups_FindsTheHandbookGroupAndSubgroup()
    {
        var response = await _client.GetApiAsync("api/v4/groups");

        Assert.Equal(["handbook-org", "handbook-org/platform"], response.Array.Select(g => g!["full_path"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task GetProject_UrlEncodedFullPath_FindsTheProject()
    {
        var path = _sim.Handbook!.Projects[2].PathWithNamespace;

        var response = await _client.GetApiAsync($"api/v4/projects/{Uri.EscapeDataString(path)}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(_sim.ProjectId(2), response.Object["id"]!.GetValue<long>());
        Assert.Equal(path, response.Object["path_with_namespace"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(true, 3)]
    [InlineData(false, 2)]
    public async Task ListGroupProjects_IncludeSubgroups_CountsSubgroupProjects(bool includeSubgroups, int expected)
    {
        var response = await _client.GetApiAsync($"api/v4/groups/handbook-org/projects?include_subgroups={includeSubgroups.ToString().ToLowerInvariant()}");

        Assert.Equal(expected, response.Array.Count);
    }

    [Fact]
    public async Task ListProjects_AllSeededProjects()
    {
        var response = await _client.GetApiAsync("api/v4/projects");

        Assert.Equal(_sim.Handbook!.Projects.Select(p => p.Id).Order(), response.Array.Select(p => p!["id"]!.GetValue<long>()).Order());
    }

    [Fact]
    public async Task UnknownRoute_Returns404Json()
    {
        var response = await _client.GetApiAsync("api/v4/nothing/here");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.NotNull(response.Object["message"]);
    }
}
