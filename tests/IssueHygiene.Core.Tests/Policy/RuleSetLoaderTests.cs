using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Policy.Loading;

namespace IssueHygiene.Core.Tests.Policy;

/// <summary>The loader on the shipped policy and on broken rules files: every error names FILE:LINE:COL and says what to do.</summary>
public sealed class RuleSetLoaderTests
{
    [Fact]
    public void Load_ShippedHandbook_HasTheHandbooksTaxonomy()
    {
        var rules = TestData.Handbook;

        Assert.Equal(["flow::Triage", "flow::To Do", "flow::Doing", "flow::Blocked", "flow::Review"], rules.Labels.Flow.Values.Select(v => v.Name));
        Assert.Equal(["Bug", "Feature Request", "Discussion", "Exploration", "Community Support"], rules.Labels.Types.Select(t => t.Name));
        Assert.Equal(["Notebook"], rules.Labels.Stages.Where(s => s.Unused).Select(s => s.Name));
        Assert.Equal(
            ["Singer Ecosystem", "MeltanoHub - Singer", "Singer SDK", "CLI", "UI", "Documentation", "Accepting Merge Requests", "Integrations", "Configuration", "Plugin Management"],
            rules.Labels.Other.Select(o => o.Name));
        Assert.All(rules.Labels.All, l => Assert.False(string.IsNullOrWhiteSpace(l.Description)));
        Assert.Equal("Backlog", rules.Milestones.Backlog);
        Assert.Equal(DayOfWeek.Friday, rules.Milestones.Sprint.Weekday);
        Assert.Equal(6, rules.Milestones.Sprint.PlanAheadWeeks);
        Assert.Equal(TimeSpan.FromHours(1), rules.GracePeriod);
        Assert.Equal("hygiene::ignore", rules.ExemptionLabel);
        Assert.Equal("flow::Triage", rules.Labels.Flow.Triage);
    }

    [Fact]
    public void Load_EmptyMapping_GivesTheDesignDefaults()
    {
        var rules = TestData.Load("{}");

        Assert.Equal(TestData.Handbook.Labels.All.Take(5 + 5 + 7).Select(l => l.Name), rules.Labels.All.Select(l => l.Name));
        Assert.Equal(RuleAction.Fix, rules.SettingsFor("milestone-required").Action);
        Assert.Equal(Severity.Info, rules.SettingsFor("stage-label").Severity);
        Assert.Equal(TimeZoneInfo.Utc.Id, rules.TimeZone.Id);
    }

    [Fact]
    public void Load_SprintDates_ReadFromTitlesContainingADate()
    {
        var sprint = TestData.Handbook.Milestones.Sprint;

        Assert.Equal(new DateOnly(2026, 11, 27), sprint.DateOf("2026-11-27"));
        Assert.Equal(new DateOnly(2026, 11, 27), sprint.DateOf("Sprint 2026-11-27 (kickoff)"));
        Assert.Null(sprint.DateOf("Backlog"));
        Assert.Null(sprint.DateOf("2026-13-45"));
        Assert.Equal("2026-12-04", sprint.TitleFor(new DateOnly(2026, 12, 4)));
    }

    public static TheoryData<string, string, string[]> BrokenFiles => new()
    {
        { "not YAML", "version: 1\ntimeZone: a: b\n", ["bad.yml:2:12: not valid YAML: "] },
        { "unknown root key", "version: 1\ntimezone: UTC\n", ["bad.yml:2:1: unknown key 'timezone' in the rules file (expected one of: version, timeZone,"] },
        { "unknown rule", "rules:\n  milestone-requird: { action: fix }\n", ["bad.yml:2:3: no rule is called 'milestone-requird'; did you mean 'milestone-required'?"] },
        { "action the rule cannot take", "rules:\n  flow-label-single:\n    action: fix\n", ["bad.yml:3:13: rule 'flow-label-single' cannot take action 'fix' (it can: comment, report, off, summary)"] },
        { "bad severity", "rules:\n  type-label: { severity: fatal }\n", ["bad.yml:2:27: severity 'fatal' of rule 'type-label' must be error, warning or info"] },
        { "unknown rule parameter", "rules:\n  type-label: { action: report, allow: 2 }\n", ["bad.yml:2:33: unknown key 'allow' in rule 'type-label' (expected one of: severity, action)"] },
        { "info that comments", "rules:\n  stage-label: { action: comment }\n", ["bad.yml:2:26: rule 'stage-label' has severity info, which only reports show"] },
        { "bad rollover value", "rules:\n  sprint-overdue: { rollover: later }\n", ["bad.yml:2:31: sprint-overdue.rollover must be one of: current, backlog"] },
        { "regex that does not compile", "milestones:\n  sprint:\n    pattern: '(?<date>\\d{4'\n", ["bad.yml:3:14: milestones.sprint.pattern does not compile"] },
        { "regex that cannot run in linear time", "milestones:\n  sprint:\n    pattern: '(\\d)\\1'\n", ["bad.yml:3:14: milestones.sprint.pattern uses a construct that cannot run in linear time"] },
        { "unknown time zone", "timeZone: Mars/Olympus\n", ["bad.yml:1:11: timeZone 'Mars/Olympus' is not a known time zone"] },
        { "bad grace period", "gracePeriod: soon\n", ["bad.yml:1:14: gracePeriod 'soon' is not a duration"] },
        { "weekday", "milestones:\n  sprint:\n    weekday: Fryday\n", ["bad.yml:3:14: milestones.sprint.weekday 'Fryday' is not a day of the week"] },
        { "plan ahead weeks", "milestones:\n  sprint: { planAheadWeeks: -1 }\n", ["bad.yml:2:29: milestones.sprint.planAheadWeeks '-1' must be a whole number from 0 to 52"] },
        { "template the pattern cannot read", "milestones:\n  sprint: { titleTemplate: 'Week {date}', dateFormat: dd.MM.yyyy }\n", ["bad.yml:2:28: milestones.sprint.pattern does not read the date back from a title made by titleTemplate ('Week 27.11.2026')"] },
        { "flow value with ::", "labels:\n  flow:\n    values: [Triage, a::b]\n", ["bad.yml:3:22: flow value 'a::b' contains '::'"] },
        { "triage not a value", "labels:\n  flow:\n    triage: Todo\n", ["bad.yml:3:13: labels.flow.triage 'Todo' is not one of labels.flow.values (Triage, To Do, Doing, Blocked, Review)"] },
        { "duplicate label", "labels:\n  type: [Bug]\n  other: [Bug]\n", ["bad.yml:3:11: label 'Bug' is listed twice (first at line 2)"] },
        { "label name with quote", "labels:\n  type: ['Say \"hi\"']\n", ["bad.yml:2:10: labels.type name 'Say \"hi\"' contains a double quote or a line break"] },
        { "label name with comma", "labels:\n  other: ['a, b']\n", ["bad.yml:2:11: labels.other name 'a, b' contains a comma"] },
        { "label colour", "labels:\n  type:\n    - { name: Bug, color: red }\n", ["bad.yml:3:27: color 'red' of label 'Bug' is not #RRGGBB"] },
        { "unused outside stages", "labels:\n  type:\n    - { name: Bug, unused: true }\n", ["bad.yml:3:28: 'unused' applies to stage labels only"] },
        { "label without name", "labels:\n  type:\n    - description: nameless\n", ["bad.yml:3:7: labels.type entry has no name"] },
        { "rule not a mapping", "rules:\n  type-label: warning\n", ["bad.yml:2:15: rule 'type-label' must be a mapping"] },
        { "version", "version: 2\n", ["bad.yml:1:10: version '2' is not supported"] },
        { "two documents", "version: 1\n---\nversion: 1\n", ["bad.yml:3:1: a rules file holds one YAML document"] },
        {
            "several errors at once", "timeZone: Nowhere\nrules:\n  nope: {}\n  type-label: { severity: loud }\n",
            ["bad.yml:1:11: timeZone 'Nowhere'", "bad.yml:3:3: no rule is called 'nope'", "bad.yml:4:27: severity 'loud'"]
        },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Load_BrokenFile_ReportsEachErrorWithItsLocation(string problem, string yaml, string[] expectedPrefixes)
    {
        var result = RuleSetLoader.Load(yaml, "bad.yml");

        Assert.False(result.Succeeded, problem);
        Assert.Null(result.RuleSet);
        var messages = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Equal(expectedPrefixes.Length, messages.Count);
        for (var i = 0; i < expectedPrefixes.Length; i++)
        {
            Assert.StartsWith(expectedPrefixes[i], messages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_EmptyText_SaysTheFileIsEmpty()
    {
        var result = RuleSetLoader.Load("", "empty.yml");

        Assert.Equal("empty.yml:1:1: the rules file is empty", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Load_RuleParameters_AreKept()
    {
        var rules = TestData.Load("rules:\n  milestone-required: { milestone: Icebox, label: 'flow::To Do' }\nlabels:\n  flow: { values: [To Do, Doing] , triage: To Do, blocked: Doing, active: [Doing] }\nmilestones: { backlog: Icebox }\n");

        Assert.Equal("Icebox", rules.SettingsFor("milestone-required").Parameter("milestone"));
        Assert.Equal("flow::To Do", rules.Labels.Flow.Triage);
    }
}
