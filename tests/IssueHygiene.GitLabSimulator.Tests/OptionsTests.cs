namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>Bad options fail at start with a clear message, before anything listens.</summary>
public sealed class OptionsTests
{
    public static TheoryData<SimulatorOptions> BadOptions => new()
    {
        new SimulatorOptions { AdminToken = "same", BotToken = "same" },
        new SimulatorOptions { AdminToken = " " },
        new SimulatorOptions { Issues = -1 },
        new SimulatorOptions { Issues = 10, SeedHandbook = false },
        new SimulatorOptions { AdminToken = Seeding.SeededUsers.GuestToken },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task StartAsync_BadOptions_Throws(SimulatorOptions options)
    {
        var error = await Record.ExceptionAsync(() => SimulatedGitLab.StartAsync(options));

        Assert.True(error is ArgumentException or InvalidOperationException, error?.ToString());
    }

    [Fact]
    public async Task StartAsync_NoHandbook_ServesOnlyTheAdmin()
    {
        await using var sim = await SimulatedGitLab.StartAsync(new SimulatorOptions { SeedHandbook = false });
        using var client = sim.CreateClient();

        var groups = await client.GetApiAsync("api/v4/groups");

        Assert.Null(sim.Handbook);
        Assert.Empty(groups.Array);
        Assert.Throws<InvalidOperationException>(() => sim.GenerateIssues(1));
    }

    [Fact]
    public void Knobs_FaultRateOutsideZeroToOne_IsRejected()
    {
        var knobs = new SimulatorKnobs(new SimulatorKnobsSettings(), seed: 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => knobs.FaultRate = 1.5);
    }
}
