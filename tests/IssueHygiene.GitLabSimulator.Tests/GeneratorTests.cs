using System.Diagnostics;
using System.Globalization;
using System.Net;
using IssueHygiene.GitLabSimulator.Seeding;
using Microsoft.Extensions.Time.Testing;

namespace IssueHygiene.GitLabSimulator.Tests;

/// <summary>The handbook seed and the seeded issue generator.</summary>
public sealed class GeneratorTests
{
    [Fact]
    public async Task HandbookSeed_SprintMilestones_AreFridaysFromFourWeeksBackToSixAhead()
    {
        await using var sim = await TestSimulator.StartAsync();

        var sprints = sim.State.Milestones().Where(m => m.Title != "Backlog").ToList();

        Assert.Equal(11, sprints.Count);
        Assert.All(sprints, m =>
        {
            var friday = DateOnly.ParseExact(m.Title, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(DayOfWeek.Friday, friday.DayOfWeek);
            Assert.Equal(friday, m.DueDate);
            Assert.Equal(friday.AddDays(-4), m.StartDate);
            Assert.NotNull(m.GroupId);
        });
        Assert.Equal(new DateOnly(2026, 10, 30), sprints.Min(m => m.DueDate));
        Assert.Equal(new DateOnly(2027, 1, 8), sprints.Max(m => m.DueDate));
        Assert.Contains(sim.State.Milestones(), m => m.Title == "Backlog" && m.DueDate is null);
    }

    [Fact]
    public async Task HandbookSeed_GroupLabels_AreTheHandbooksTaxonomy()
    {
        await using var sim = await TestSimulator.StartAsync();

        var groupLabels = sim.State.Labels().Where(l => l.GroupId == sim.Handbook!.GroupId).Select(l => l.Title).ToHashSet();

        Assert.Subset(groupLabels, HandbookTaxonomy.FlowValues.Select(HandbookTaxonomy.Flow).ToHashSet());
        Assert.Subset(groupLabels, HandbookTaxonomy.Types.ToHashSet());
        Assert.Subset(groupLabels, HandbookTaxonomy.Stages.ToHashSet());
        Assert.Subset(groupLabels, HandbookTaxonomy.Others.ToHashSet());
        Assert.DoesNotContain("flow::doing", groupLabels);
    }

    [Fact]
    public async Task Generate_SameSeedAndClock_SameTracker()
    {
        await using var first = await TestSimulator.StartAsync(issues: 500, seed: 3);
        await using var second = await TestSimulator.StartAsync(issues: 500, seed: 3);
        await using var other = await TestSimulator.StartAsync(issues: 500, seed: 4);

        static string Fingerprint(SimulatedGitLab sim) => string.Join("\n", sim.State.Issues().Select(i =>
            $"{i.ProjectId}#{i.Iid} {i.Title} [{string.Join(",", i.Labels)}] {i.MilestoneTitle} {string.Join(",", i.AssigneeUsernames)} {i.State} {i.CreatedAt:O}"));

        Assert.Equal(Fingerprint(first), Fingerprint(second));
        Assert.NotEqual(Fingerprint(first), Fingerprint(other));
    }

    [Fact]
    public async Task Generate_2000Issues_CoversEveryHygieneProblem()
    {
        await using var sim = await TestSimulator.StartAsync();

        var tally = sim.GenerateIssues(2000);
        var issues = sim.State.Issues();
        var open = issues.Where(i => i.State == "opened").ToList();
        var today = DateOnly.FromDateTime(TestSimulator.Now.UtcDateTime);
        static int Flow(IssueView i) => i.Labels.Count(l => l.StartsWith("flow::", StringComparison.Ordinal));

        Assert.All(Enum.GetValues<HygieneProblem>(), p => Assert.True(tally.GetValueOrDefault(p) > 0, $"no {p}"));
        Assert.Equal(2000, tally.Values.Sum());
        Assert.Contains(open, i => i.MilestoneId is null);
        Assert.Contains(open, i => Flow(i) == 2);
        Assert.Contains(open, i => i.Labels.Contains("flow::doing") || i.Labels.Contains("flow::In Progress"));
        Assert.Contains(open, i => !i.Labels.Any(HandbookTaxonomy.Types.Contains));
        Assert.Contains(open, i => i.Labels.Count(HandbookTaxonomy.Types.Contains) == 2);
        Assert.Contains(open, i => i.Labels.Contains("Notebook"));
        Assert.Contains(open, i => i.MilestoneTitle == "Backlog" && i.Labels.Contains("flow::To Do"));
        Assert.Contains(open, i => i.AssigneeUsernames.Count == 0 && i.Labels.Contains("flow::Doing"));
        Assert.Contains(open, i => i.MilestoneTitle is { } t && t != "Backlog" && DateOnly.Parse(t, CultureInfo.InvariantCulture) < today);
        Assert.Contains(open, i => i.MilestoneTitle is { } t && t != "Backlog" && Flow(i) == 0);
        Assert.Contains(open, i => i.Labels.Contains("needs-info") || i.Labels.Contains("good first issue"));
        Assert.Contains(issues, i => i.CreatedAt > TestSimulator.Now.AddHours(-1));
        Assert.Contains(issues, i => i.State == "closed");
        Assert.True(open.Count(i => i.Labels.Count > 0) > 1000);
    }

    [Fact]
    public async Task Generate_100000Issues_TakesSecondsAndPagesStayFast()
    {
        await using var sim = await TestSimulator.StartAsync();
        using var client = sim.CreateClient();

        var watch = Stopwatch.StartNew();
        sim.GenerateIssues(100_000);
        var generation = watch.Elapsed;
        await client.GetApiAsync($"api/v4/groups/{sim.Handbook!.GroupId}/issues?per_page=100&state=opened");
        watch.Restart();
        for (var page = 2; page <= 11; page++)
        {
            await client.GetApiAsync($"api/v4/groups/{sim.Handbook.GroupId}/issues?per_page=100&state=opened&page={page}");
        }

        var tenPages = watch.Elapsed;
        Assert.Equal(100_000, sim.State.IssueCount);
        Assert.True(generation < TimeSpan.FromSeconds(5), $"generation took {generation}");
        Assert.True(tenPages < TimeSpan.FromSeconds(5), $"ten pages took {tenPages}");
    }

    [Fact]
    public async Task ListGroupIssues_MoreThan10000Results_OmitsTotalsButKeepsNextPage()
    {
        await using var sim = await TestSimulator.StartAsync(issues: 10_050);
        using var client = sim.CreateClient();

        var response = await client.GetApiAsync($"api/v4/groups/{sim.Handbook!.GroupId}/issues?per_page=100");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Header("X-Total"));
        Assert.Null(response.Header("X-Total-Pages"));
        Assert.Equal("2", response.Header("X-Next-Page"));
        Assert.DoesNotContain("rel=\"last\"", response.Header("Link"), StringComparison.Ordinal);

        var last = await client.GetApiAsync($"api/v4/groups/{sim.Handbook.GroupId}/issues?per_page=100&page=101");
        Assert.Equal(50, last.Array.Count);
        Assert.Equal("", last.Header("X-Next-Page"));
        Assert.Null(last.Header("X-Total"));
    }

    [Fact]
    public async Task Clock_FakeTimeProvider_DrivesGeneratedDates()
    {
        var later = new FakeTimeProvider(new DateTimeOffset(2027, 3, 3, 12, 0, 0, TimeSpan.Zero));
        await using var sim = await TestSimulator.StartAsync(issues: 100, clock: later);

        Assert.All(sim.State.Issues(), i => Assert.True(i.CreatedAt <= later.GetUtcNow() && i.UpdatedAt <= later.GetUtcNow()));
        Assert.Contains(sim.State.Milestones(), m => m.Title == "2027-03-05");
    }
}
