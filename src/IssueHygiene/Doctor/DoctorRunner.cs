using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Taxonomy;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.DependencyInjection;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.Hosting;
using IssueHygiene.Scheduling;
using IssueHygiene.Storage;
using IssueHygiene.Sweeping;
using IssueHygiene.Taxonomy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IssueHygiene.Doctor;

/// <summary>
/// <c>doctor</c>: checks a new installation one step at a time and says how to fix each problem. Unlike the other
/// commands it starts from whatever configuration there is — a bad rules file or an unreachable store is a finding
/// here, not a reason to stop — so it builds only the parts it checks. It makes GET requests only.
/// </summary>
public sealed class DoctorRunner(IConfiguration configuration, TimeProvider time)
{
    private const string TokenFix = "create a personal, group or project access token with the api scope and set GitLab:Token (IssueHygiene__GitLab__Token) or GitLab:TokenFile";

    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(string? rulesPath, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        var options = CheckConfiguration(checks);
        var rules = CheckRules(options, rulesPath, checks);
        checks.Add(CheckSchedules(options));
        checks.Add(await CheckStorageAsync(cancellationToken));
        await CheckGitLabAsync(options, rules, checks, cancellationToken);
        return checks;
    }

    private HygieneOptions CheckConfiguration(List<DoctorCheck> checks)
    {
        const string title = "configuration";
        var options = new HygieneOptions();
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            checks.Add(DoctorCheck.Fail(title, e.InnerException?.Message ?? e.Message, "correct the key named above (appsettings.json or IssueHygiene__… environment variables)"));
            return options;
        }

        // The schedule has its own check below.
        var problems = AppConfiguration.Validate(options).Where(p => !p.StartsWith("Schedule:", StringComparison.Ordinal)).ToList();
        checks.Add(problems.Count == 0
            ? DoctorCheck.Pass(title, $"read; DryRun={options.DryRun}, FixMode={options.FixMode}, MaxWritesPerRun={options.MaxWritesPerRun}")
            : DoctorCheck.Fail(title, string.Join("; ", problems), "correct these keys (appsettings.json or IssueHygiene__… environment variables)"));
        return options;
    }

    private RuleSet? CheckRules(HygieneOptions options, string? rulesPath, List<DoctorCheck> checks)
    {
        const string title = "rules file valid";
        var path = RulesFile.Resolve(rulesPath, options.Rules.Path);
        try
        {
            var result = RulesFile.Load(path);
            if (result.RuleSet is { } rules)
            {
                var sprint = rules.Milestones.Sprint;
                var thisSprint = SprintMilestonePlanner.SprintDates(new CompiledPolicy(rules).TodayAt(time.GetUtcNow()), sprint.Weekday, 1)[0];
                checks.Add(DoctorCheck.Pass(title, $"{path}: {rules.Labels.All.Count()} taxonomy labels, this week's sprint titled \"{sprint.TitleFor(thisSprint)}\""));
                return rules;
            }

            checks.Add(DoctorCheck.Fail(title, $"{path} has {result.Errors.Count} error(s): {string.Join("; ", result.Errors.Take(3))}{(result.Errors.Count > 3 ? "; …" : string.Empty)}",
                $"run `issue-hygiene rules check {path}` and correct each FILE:LINE:COL"));
        }
        catch (UsageException e)
        {
            checks.Add(DoctorCheck.Fail(title, e.Message, "point Rules:Path (IssueHygiene__Rules__Path) or --rules at a readable rules file"));
        }

        return null;
    }

    private DoctorCheck CheckSchedules(HygieneOptions options)
    {
        const string title = "schedule parsed";
        var planCron = configuration.GetSection(MilestonePlanOptions.SectionName).Get<MilestonePlanOptions>()?.PlanCron ?? new MilestonePlanOptions().PlanCron;
        if (CronSchedule.TimeZoneProblem(options.Schedule.TimeZone) is { } zoneProblem)
        {
            return DoctorCheck.Fail(title, zoneProblem, "use an IANA name such as UTC or Europe/Amsterdam");
        }

        var parts = new List<string>(2);
        var problems = new List<string>(2);
        foreach (var (key, cron, what) in new[] { ("Schedule:Cron", options.Schedule.Cron, "sweep"), ("Milestones:PlanCron", planCron, "milestone planning") })
        {
            if (string.IsNullOrWhiteSpace(cron))
            {
                parts.Add($"{what} off ({key} is empty)");
            }
            else if (CronSchedule.TryCreate(cron, options.Schedule.TimeZone, out var error, key) is not { } schedule)
            {
                problems.Add(error!);
            }
            else if (schedule.NextAfter(time.GetUtcNow()) is { } next)
            {
                parts.Add($"next {what} {TimeZoneInfo.ConvertTime(next, schedule.Zone):yyyy-MM-dd HH:mm} {schedule.Zone.Id}");
            }
            else
            {
                problems.Add($"{key} '{cron}' never fires");
            }
        }

        return problems.Count == 0
            ? DoctorCheck.Pass(title, string.Join("; ", parts))
            : DoctorCheck.Fail(title, string.Join("; ", problems), "use 5 fields, minute hour day month weekday, e.g. '0 3 * * *' (03:00 daily) or '0 6 * * 1' (Mondays 06:00)");
    }

    private async Task<DoctorCheck> CheckStorageAsync(CancellationToken cancellationToken)
    {
        const string title = "storage reachable";
        await using var services = new ServiceCollection().AddSingleton(time).AddLogging().AddHygieneStorage(configuration).BuildServiceProvider();
        try
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            await using var store = services.GetRequiredService<IHygieneStore>();
            await store.InitializeAsync(cancellationToken);
            return DoctorCheck.Pass(title, $"{options.Provider} store opened and migrated");
        }
        catch (OptionsValidationException e)
        {
            return DoctorCheck.Fail(title, string.Join("; ", e.Failures), "set Storage:Provider (sqlite|postgres) and Storage:ConnectionString (IssueHygiene__Storage__…)");
        }
        catch (StorageUnavailableException e)
        {
            return DoctorCheck.Fail(title, e.Message, "check Storage:ConnectionString: the SQLite folder must be writable, the PostgreSQL server reachable with that user");
        }
    }

    private async Task CheckGitLabAsync(HygieneOptions options, RuleSet? rules, List<DoctorCheck> checks, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddSingleton(time).AddLogging().AddGitLabClient(configuration.GetSection(GitLabOptions.SectionName)).BuildServiceProvider();
        GitLabOptions gitLabOptions;
        IGitLabClient gitLab;
        try
        {
            gitLabOptions = services.GetRequiredService<IOptions<GitLabOptions>>().Value;
            gitLab = services.GetRequiredService<IGitLabClient>();
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException or ArgumentException or IOException)
        {
            var reason = e is OptionsValidationException invalid ? string.Join("; ", invalid.Failures) : e.Message;
            checks.Add(DoctorCheck.Fail("GitLab reachable", "not checked: " + reason,
                "set GitLab:BaseUrl (IssueHygiene__GitLab__BaseUrl) and the token: " + TokenFix));
            return;
        }

        GitLabUser user;
        try
        {
            user = await gitLab.GetCurrentUserAsync(cancellationToken);
        }
        catch (GitLabAuthException)
        {
            checks.Add(DoctorCheck.Pass("GitLab reachable", gitLabOptions.BaseUrl));
            checks.Add(DoctorCheck.Fail("token valid", "GitLab refused the token (401/403 on GET /user): it is wrong, expired, revoked or lacks the api scope", TokenFix));
            return;
        }
        catch (GitLabException e)
        {
            checks.Add(DoctorCheck.Fail("GitLab reachable", $"{gitLabOptions.BaseUrl}: {e.Message}",
                "check GitLab:BaseUrl (the instance's address, e.g. https://gitlab.example.com), DNS, proxy and firewall"));
            return;
        }

        checks.Add(DoctorCheck.Pass("GitLab reachable", gitLabOptions.BaseUrl));
        checks.Add(DoctorCheck.Pass("token valid", $"acts as @{user.Username} (id {user.Id}{(user.IsAdmin == true ? ", administrator" : string.Empty)})"));

        var scopes = HygieneServiceCollectionExtensions.ScopesFrom(options, null, null);
        if (scopes.Count == 0)
        {
            checks.Add(DoctorCheck.Fail("scopes", "no group or project configured", "set Scopes:Groups (IssueHygiene__Scopes__Groups__0) or Scopes:Projects to a path or id"));
            return;
        }

        foreach (var scope in scopes)
        {
            await CheckScopeAsync(gitLab, user, scope, options, rules, checks, cancellationToken);
        }
    }

    private async Task CheckScopeAsync(IGitLabClient gitLab, GitLabUser user, SweepScope scope, HygieneOptions options, RuleSet? rules, List<DoctorCheck> checks, CancellationToken cancellationToken)
    {
        var isGroup = scope.Kind == SweepScopeKind.Group;
        long id;
        try
        {
            id = isGroup ? (await gitLab.GetGroupAsync(scope.IdOrPath, cancellationToken)).Id : (await gitLab.GetProjectAsync(scope.IdOrPath, cancellationToken)).Id;
        }
        catch (GitLabException e) when (e is GitLabNotFoundException or GitLabAuthException)
        {
            checks.Add(DoctorCheck.Fail($"access in {scope}", $"not found, or not visible to @{user.Username}",
                $"check the path, and add @{user.Username} to it with the Reporter role or higher"));
            return;
        }

        var access = user.IsAdmin == true
            ? GitLabAccessLevel.Owner
            : isGroup ? await gitLab.GetGroupEffectiveAccessLevelAsync(id, user.Id, cancellationToken) : await gitLab.GetEffectiveAccessLevelAsync(id, user.Id, cancellationToken);
        checks.Add(access >= GitLabAccessLevel.Reporter
            ? DoctorCheck.Pass($"access in {scope}", $"@{user.Username} is {(user.IsAdmin == true ? "an administrator" : access.ToString())}")
            : DoctorCheck.Fail($"access in {scope}", $"@{user.Username} is {(access == GitLabAccessLevel.None ? "not a member" : access.ToString())}: it cannot set labels and milestones",
                $"give @{user.Username} the Reporter role (Developer is fine) on {scope.IdOrPath}"));

        if (rules is not null)
        {
            checks.Add(await CheckLabelsAsync(gitLab, scope, id, rules, cancellationToken));
            checks.Add(await CheckMilestonesAsync(gitLab, scope, id, rules, cancellationToken));
        }

        // Merge request events are needed only when a "Code review" rule is on (an unreadable rules file: issues only).
        var expectation = new WebhookExpectation(rules is not null && new Core.MergeRequests.MergeRequestEvaluator(rules).AnyRuleEnabled);
        checks.Add(await CheckWebhookAsync(gitLab, user, scope, id, access, options.Webhook.PublicUrl, expectation, cancellationToken));
    }

    private static async Task<DoctorCheck> CheckLabelsAsync(IGitLabClient gitLab, SweepScope scope, long id, RuleSet rules, CancellationToken cancellationToken)
    {
        var title = $"taxonomy labels in {scope}";
        var existing = new HashSet<string>(StringComparer.Ordinal);
        var labels = scope.Kind == SweepScopeKind.Group ? gitLab.ListGroupLabelsAsync(id, cancellationToken) : gitLab.ListProjectLabelsAsync(id, includeAncestorGroups: true, cancellationToken);
        await foreach (var label in labels)
        {
            existing.Add(label.Name);
        }

        var taxonomy = rules.Labels.All.Select(l => l.Name).ToList();
        var missing = taxonomy.Where(name => !existing.Contains(name)).ToList();
        return missing.Count == 0
            ? DoctorCheck.Pass(title, $"all {taxonomy.Count} exist")
            : DoctorCheck.Fail(title, $"{missing.Count} missing: {Quoted(missing)}", $"run `issue-hygiene labels sync --group {GroupOf(scope)} --dry-run`, then with DryRun=false");
    }

    private async Task<DoctorCheck> CheckMilestonesAsync(IGitLabClient gitLab, SweepScope scope, long id, RuleSet rules, CancellationToken cancellationToken)
    {
        var title = $"sprint milestones ahead in {scope}";
        var existing = new List<MilestoneRef>();
        var milestones = scope.Kind == SweepScopeKind.Group
            ? gitLab.ListGroupMilestonesAsync(id, includeAncestors: true, cancellationToken)
            : gitLab.ListProjectMilestonesAsync(id, includeAncestors: true, cancellationToken);
        await foreach (var milestone in milestones)
        {
            existing.Add(GitLabIssueMapper.ToMilestoneRef(milestone));
        }

        var plan = SprintMilestonePlanner.Plan(existing, new CompiledPolicy(rules).TodayAt(time.GetUtcNow()), rules);
        return plan.IsEmpty
            ? DoctorCheck.Pass(title, $"{rules.Milestones.Sprint.PlanAheadWeeks} weeks planned, through {plan.SprintDates[^1]:yyyy-MM-dd}")
            : DoctorCheck.Fail(title, $"{plan.ToCreate.Count} missing: {Quoted(plan.ToCreate.Select(m => m.Title))}",
                $"run `issue-hygiene milestones plan --group {GroupOf(scope)}` (serve does it weekly, Milestones:PlanCron)");
    }

    private static async Task<DoctorCheck> CheckWebhookAsync(
        IGitLabClient gitLab, GitLabUser user, SweepScope scope, long id, GitLabAccessLevel access, string? publicUrl, WebhookExpectation expectation, CancellationToken cancellationToken)
    {
        var title = $"webhook on {scope}";
        var addHook = $"add a webhook (Settings → Webhooks) with URL {publicUrl}, the secret token (Webhook:Secrets), and {expectation.Events}";
        if (string.IsNullOrWhiteSpace(publicUrl))
        {
            return DoctorCheck.Unverified(title, "Webhook:PublicUrl is not set, so the expected hook is unknown",
                "set Webhook:PublicUrl (IssueHygiene__Webhook__PublicUrl) to the URL GitLab posts to, e.g. https://hygiene.example.com/webhooks/gitlab; leave it unset if you only sweep");
        }

        var cannotRead = DoctorCheck.Unverified(title,
            $"@{user.Username} ({access}) may not read the webhooks of {scope.IdOrPath}: GitLab shows them to maintainers (projects) and owners (groups) only",
            $"check Settings → Webhooks by hand ({expectation.Events}, enabled, URL {publicUrl}), or run doctor once with a maintainer's token");
        try
        {
            if (scope.Kind == SweepScopeKind.Group)
            {
                // Group webhooks are a paid feature: without one, every project of the group needs its own.
                var groupHook = await FindOursAsync(GroupHooksOrNoneAsync(gitLab, id, cancellationToken), publicUrl);
                if (groupHook is not null)
                {
                    return Judge(title, groupHook, $"group hook {groupHook.Id}", expectation);
                }

                var problems = new List<string>();
                var found = 0;
                await foreach (var project in gitLab.ListGroupProjectsAsync(id, includeSubgroups: true, cancellationToken))
                {
                    var hook = await FindOursAsync(gitLab.ListProjectHooksAsync(project.Id, cancellationToken), publicUrl);
                    if (hook is null)
                    {
                        problems.Add($"{project.PathWithNamespace} has none");
                        continue;
                    }

                    found++;
                    problems.AddRange(expectation.ProblemsOf(hook).Select(p => $"{project.PathWithNamespace}: {p}"));
                }

                return problems.Count == 0
                    ? DoctorCheck.Pass(title, $"{found} project hook(s) to {publicUrl}, each with {expectation.Events}, enabled")
                    : DoctorCheck.Fail(title, $"no group hook to {publicUrl}; {string.Join("; ", problems)}", addHook + " on the group, or on each project named");
            }

            var projectHook = await FindOursAsync(gitLab.ListProjectHooksAsync(id, cancellationToken), publicUrl);
            return projectHook is null
                ? DoctorCheck.Fail(title, $"no hook to {publicUrl}", addHook)
                : Judge(title, projectHook, $"project hook {projectHook.Id}", expectation);
        }
        catch (GitLabAuthException)
        {
            return cannotRead;
        }
    }

    private static DoctorCheck Judge(string title, GitLabHook hook, string what, WebhookExpectation expectation)
    {
        var problems = expectation.ProblemsOf(hook);
        return problems.Count == 0
            ? DoctorCheck.Pass(title, $"{what} to {hook.Url}, with {expectation.Events}, enabled")
            : DoctorCheck.Fail(title, string.Join("; ", problems),
                "edit the hook (Settings → Webhooks): tick " + expectation.Events + "; if GitLab disabled it, make `serve` answer 2xx (see its log), then send a test event to re-enable it");
    }

    private static async Task<GitLabHook?> FindOursAsync(IAsyncEnumerable<GitLabHook> hooks, string publicUrl)
    {
        await foreach (var hook in hooks)
        {
            if (WebhookExpectation.IsOurs(hook, publicUrl))
            {
                return hook;
            }
        }

        return null;
    }

    private static async IAsyncEnumerable<GitLabHook> GroupHooksOrNoneAsync(IGitLabClient gitLab, long groupId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var hooks = new List<GitLabHook>();
        try
        {
            await foreach (var hook in gitLab.ListGroupHooksAsync(groupId, cancellationToken))
            {
                hooks.Add(hook);
            }
        }
        catch (GitLabNotFoundException)
        {
            // GitLab Free has no group webhooks: the endpoint is not there.
        }

        foreach (var hook in hooks)
        {
            yield return hook;
        }
    }

    // Labels and sprint milestones live at group level: for a project scope, the fix names its group.
    private static string GroupOf(SweepScope scope) => scope.Kind == SweepScopeKind.Group ? scope.IdOrPath : "<the project's group>";

    private static string Quoted(IEnumerable<string> names)
    {
        var list = names.ToList();
        var shown = string.Join(", ", list.Take(8).Select(n => $"\"{n}\""));
        return list.Count > 8 ? $"{shown} and {list.Count - 8} more" : shown;
    }
}
