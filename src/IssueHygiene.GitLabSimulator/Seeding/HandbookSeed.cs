using IssueHygiene.GitLabSimulator.Model;
using IssueHygiene.GitLabSimulator.State;

namespace IssueHygiene.GitLabSimulator.Seeding;

/// <summary>
/// The tracker the handbook describes: a group with a subgroup and three projects, the
/// documented group labels, a <c>Backlog</c> milestone and weekly sprint milestones titled by
/// their Friday (Monday to Friday), from four weeks back to six weeks ahead of the clock.
/// </summary>
internal static class HandbookSeed
{
    public const string GroupPath = "handbook-org";

    public static HandbookSeedInfo Apply(SimulatorStore store, SimulatorOptions options)
    {
        var root = store.AddUser(SeededUsers.Root, "Administrator", options.AdminToken, isAdmin: true);
        var bot = store.AddUser(SeededUsers.Bot, "Issue Hygiene Bot", options.BotToken);
        var guest = store.AddUser(SeededUsers.Guest, "Gina Guest", SeededUsers.GuestToken);
        var reporter = store.AddUser(SeededUsers.Reporter, "Rita Reporter", SeededUsers.ReporterToken);
        var developer = store.AddUser(SeededUsers.Developer, "Dev Eloper", SeededUsers.DeveloperToken);
        var maintainer = store.AddUser(SeededUsers.Maintainer, "Mai Ntainer", SeededUsers.MaintainerToken);
        store.AddUser(SeededUsers.Outsider, "Otto Outsider", SeededUsers.OutsiderToken);

        var group = store.AddGroup("Handbook Org", GroupPath, description: "The team that follows the handbook");
        var platform = store.AddGroup("Platform", "platform", group);
        group.Members[root.Id] = AccessLevel.Owner;
        group.Members[bot.Id] = AccessLevel.Developer;
        group.Members[guest.Id] = AccessLevel.Guest;
        group.Members[reporter.Id] = AccessLevel.Reporter;
        group.Members[developer.Id] = AccessLevel.Developer;
        group.Members[maintainer.Id] = AccessLevel.Maintainer;

        var projects = new[]
        {
            store.AddProject("Meltano", "meltano", group, "The main product"),
            store.AddProject("Hub", "hub", group, "MeltanoHub"),
            store.AddProject("Infra", "infra", platform, "Deployment and CI"),
        };

        foreach (var flow in HandbookTaxonomy.FlowValues)
        {
            store.AddGroupLabel(group, HandbookTaxonomy.Flow(flow), "#428BCA", $"Workflow: {flow}");
        }

        foreach (var type in HandbookTaxonomy.Types)
        {
            store.AddGroupLabel(group, type, "#D9534F", $"Issue type: {type}");
        }

        foreach (var stage in HandbookTaxonomy.Stages)
        {
            store.AddGroupLabel(group, stage, "#5CB85C", stage == "Notebook" ? "Stage (currently unused)" : $"Stage: {stage}");
        }

        foreach (var other in HandbookTaxonomy.Others)
        {
            store.AddGroupLabel(group, other, "#F0AD4E");
        }

        foreach (var project in projects)
        {
            foreach (var undocumented in HandbookTaxonomy.Undocumented)
            {
                store.AddProjectLabel(project, undocumented, "#6699cc");
            }
        }

        var backlog = store.AddMilestone(group, null, "Backlog", null, null, "Wanted eventually, not a priority yet");
        var sprints = new Dictionary<DateOnly, long>();
        foreach (var friday in SprintFridays(store.Now))
        {
            var milestone = store.AddMilestone(group, null, friday.ToString("yyyy-MM-dd"), friday.AddDays(-4), friday, "Weekly sprint");
            sprints.Add(friday, milestone.Id);
        }

        return new HandbookSeedInfo(
            group.Id,
            group.FullPath,
            platform.Id,
            [.. projects.Select(p => new SeededProject(p.Id, p.PathWithNamespace))],
            backlog.Id,
            sprints);
    }

    /// <summary>This week's Friday, four before it and six after it.</summary>
    public static IEnumerable<DateOnly> SprintFridays(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var friday = monday.AddDays(4);
        for (var week = -4; week <= 6; week++)
        {
            yield return friday.AddDays(7 * week);
        }
    }
}
