using BenchmarkDotNet.Attributes;
using IssueHygiene.GitLabSimulator;

namespace IssueHygiene.Benchmarks.Simulator;

/// <summary>
/// What the simulator costs an end-to-end run: start-up with generation, one page of a filtered
/// group list out of 100,000 issues (offset and keyset), and a quick-action note. Run with
/// <c>dotnet run -c Release --project tests/IssueHygiene.Benchmarks -- --filter *SimulatorBenchmarks*</c>.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class SimulatorBenchmarks
{
    private SimulatedGitLab _sim = null!;
    private HttpClient _client = null!;
    private long _project;
    private int _toggle;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _sim = await SimulatedGitLab.StartAsync(new SimulatorOptions { Issues = 100_000 });
        _client = _sim.CreateClient();
        _project = _sim.Handbook!.Projects[0].Id;
        using var first = await _client.GetAsync($"api/v4/groups/{_sim.Handbook.GroupId}/issues?state=opened&labels=Bug&per_page=100");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Benchmark]
    [Arguments(10_000)]
    [Arguments(100_000)]
    public async Task<int> StartAndGenerate(int issues)
    {
        await using var sim = await SimulatedGitLab.StartAsync(new SimulatorOptions { Issues = issues });
        return sim.State.IssueCount;
    }

    [Benchmark]
    public async Task<string> GroupIssuesOffsetPage50()
    {
        using var response = await _client.GetAsync($"api/v4/groups/{_sim.Handbook!.GroupId}/issues?state=opened&labels=Bug&per_page=100&page=50");
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark]
    public async Task<string> ProjectIssuesKeysetFirstPage()
    {
        using var response = await _client.GetAsync($"api/v4/projects/{_project}/issues?pagination=keyset&order_by=updated_at&sort=desc&per_page=100");
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark]
    public async Task<int> QuickActionNote()
    {
        // Alternate so every call changes the issue (a no-op edit would skip the hook payload work).
        var command = _toggle++ % 2 == 0 ? "/label ~Bug" : "/unlabel ~Bug";
        using var content = new FormUrlEncodedContent([new("body", command)]);
        using var response = await _client.PostAsync($"api/v4/projects/{_project}/issues/1/notes", content);
        return (int)response.StatusCode;
    }
}
