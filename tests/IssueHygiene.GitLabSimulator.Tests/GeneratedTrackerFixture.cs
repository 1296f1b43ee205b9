namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>One read-only simulator with 3,000 generated issues, shared by a test class.</summary>
public sealed class GeneratedTrackerFixture : IAsyncLifetime
{
    public SimulatedGitLab Sim { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sim = await TestSimulator.StartAsync(issues: 3000);
        Client = Sim.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Sim.DisposeAsync();
    }
}
