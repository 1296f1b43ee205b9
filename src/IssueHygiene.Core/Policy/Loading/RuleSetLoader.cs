using IssueHygiene.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IssueHygiene.Core.Policy.Loading;

/// <summary>
/// Loads a rules file from its text (no I/O: the caller reads the file). Unknown keys are errors, every value is
/// checked, and every error names FILE:LINE:COL.
/// </summary>
public static class RuleSetLoader
{
    private static readonly string[] RootKeys = ["version", "timeZone", "gracePeriod", "exemptionLabel", "workItemTypes", "handbookUrl", "milestones", "labels", "rules", "summary", MergeRequestSection.Key];
    private static readonly string[] SummaryKeys = ["title", "markerLabel"];
    private static readonly string[] MilestoneKeys = ["backlog", "sprint"];
    private static readonly string[] SprintKeys = ["pattern", "dateFormat", "weekday", "titleTemplate", "planAheadWeeks"];
    private static readonly string[] LabelsKeys = ["flow", "type", "stage", "other"];
    private static readonly string[] FlowKeys = ["scope", "triage", "blocked", "active", "values"];
    private static readonly string[] LabelKeys = ["name", "description", "color", "unused", "previously"];

    public static RuleSetLoadResult Load(string text, string file)
    {
        var errors = new List<RuleSetError>();
        var document = Read(text, file, errors);
        if (document is null)
        {
            return new RuleSetLoadResult(null, errors);
        }

        foreach (var failure in new RuleSetDocumentValidator().Validate(document).Errors)
        {
            var location = failure.CustomState is SourceLocation at ? at : document.Start;
            errors.Add(new RuleSetError(location, failure.ErrorMessage));
        }

        return errors.Count > 0
            ? new RuleSetLoadResult(null, [.. errors.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column)])
            : new RuleSetLoadResult(RuleSetBuilder.Build(document), []);
    }

    private static RuleSetDocument? Read(string text, string file, List<RuleSetError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            errors.Add(new RuleSetError(new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column), $"not valid YAML: {message}"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            errors.Add(new RuleSetError(new SourceLocation(file, 1, 1), "the rules file is empty"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(new RuleSetError(new SourceLocation(file, (int)stream.Documents[1].RootNode.Start.Line, 1),
                "a rules file holds one YAML document ('---' starts a second one)"));
        }

        var walker = new YamlWalker(file, errors);
        var root = stream.Documents[0].RootNode;
        var document = new RuleSetDocument { File = file, Start = walker.At(root) };
        foreach (var (key, value) in walker.Mapping(root, "the rules file", RootKeys))
        {
            document = key.Value switch
            {
                "version" => document with { Version = walker.Scalar(value, "version") },
                "timeZone" => document with { TimeZone = walker.Scalar(value, "timeZone") },
                "gracePeriod" => document with { GracePeriod = walker.Scalar(value, "gracePeriod") },
                "exemptionLabel" => document with { ExemptionLabel = walker.Scalar(value, "exemptionLabel") },
                "workItemTypes" => document with { WorkItemTypes = walker.Scalars(value, "workItemTypes") },
                "handbookUrl" => document with { HandbookUrl = walker.Scalar(value, "handbookUrl") },
                "milestones" => ReadMilestones(walker, value, document),
                "labels" => ReadLabels(walker, value, document),
                "summary" => ReadSummary(walker, value, document),
                MergeRequestSection.Key => document with { MergeRequests = MergeRequestSection.Read(walker, value) },
                _ => document with { Rules = ReadRules(walker, value) },
            };
        }

        return document;
    }

    private static RuleSetDocument ReadSummary(YamlWalker walker, YamlNode node, RuleSetDocument document)
    {
        foreach (var (key, value) in walker.Mapping(node, "summary", SummaryKeys))
        {
            document = key.Value == "title"
                ? document with { SummaryTitle = walker.Scalar(value, "summary.title") }
                : document with { MarkerLabel = walker.Scalar(value, "summary.markerLabel") };
        }

        return document;
    }

    private static RuleSetDocument ReadMilestones(YamlWalker walker, YamlNode node, RuleSetDocument document)
    {
        foreach (var (key, value) in walker.Mapping(node, "milestones", MilestoneKeys))
        {
            if (key.Value == "backlog")
            {
                document = document with { Backlog = walker.Scalar(value, "milestones.backlog") };
                continue;
            }

            foreach (var (sprintKey, sprintValue) in walker.Mapping(value, "milestones.sprint", SprintKeys))
            {
                var what = "milestones.sprint." + sprintKey.Value;
                var scalar = walker.Scalar(sprintValue, what);
                document = sprintKey.Value switch
                {
                    "pattern" => document with { SprintPattern = scalar },
                    "dateFormat" => document with { SprintDateFormat = scalar },
                    "weekday" => document with { SprintWeekday = scalar },
                    "titleTemplate" => document with { SprintTitleTemplate = scalar },
                    _ => document with { PlanAheadWeeks = scalar },
                };
            }
        }

        return document;
    }

    private static RuleSetDocument ReadLabels(YamlWalker walker, YamlNode node, RuleSetDocument document)
    {
        foreach (var (key, value) in walker.Mapping(node, "labels", LabelsKeys))
        {
            document = key.Value switch
            {
                "flow" => ReadFlow(walker, value, document),
                "type" => document with { Types = ReadLabelList(walker, value, "labels.type") },
                "stage" => document with { Stages = ReadLabelList(walker, value, "labels.stage") },
                _ => document with { Other = ReadLabelList(walker, value, "labels.other") },
            };
        }

        return document;
    }

    private static RuleSetDocument ReadFlow(YamlWalker walker, YamlNode node, RuleSetDocument document)
    {
        foreach (var (key, value) in walker.Mapping(node, "labels.flow", FlowKeys))
        {
            var what = "labels.flow." + key.Value;
            document = key.Value switch
            {
                "scope" => document with { FlowScope = walker.Scalar(value, what) },
                "triage" => document with { FlowTriage = walker.Scalar(value, what) },
                "blocked" => document with { FlowBlocked = walker.Scalar(value, what) },
                "active" => document with { FlowActive = walker.Scalars(value, what) },
                _ => document with { FlowValues = ReadLabelList(walker, value, what) },
            };
        }

        return document;
    }

    private static List<LabelDocument> ReadLabelList(YamlWalker walker, YamlNode node, string what)
    {
        var labels = new List<LabelDocument>();
        foreach (var entry in walker.Sequence(node, what))
        {
            if (entry is YamlScalarNode)
            {
                if (walker.Scalar(entry, what + " entry") is { } name)
                {
                    labels.Add(new LabelDocument(name, null, null, null, []));
                }

                continue;
            }

            Located<string>? labelName = null, description = null, color = null, unused = null;
            List<Located<string>> previously = [];
            foreach (var (key, value) in walker.Mapping(entry, what + " entry", LabelKeys))
            {
                var field = $"{what} entry's {key.Value}";
                switch (key.Value)
                {
                    case "name": labelName = walker.Scalar(value, field); break;
                    case "description": description = walker.Scalar(value, field); break;
                    case "color": color = walker.Scalar(value, field); break;
                    case "unused": unused = walker.Scalar(value, field); break;
                    default: previously = walker.Scalars(value, field); break;
                }
            }

            if (labelName is null)
            {
                walker.Error(entry, $"{what} entry has no name");
                continue;
            }

            labels.Add(new LabelDocument(labelName, description, color, unused, previously));
        }

        return labels;
    }

    private static List<RuleDocument> ReadRules(YamlWalker walker, YamlNode node)
    {
        var rules = new List<RuleDocument>();
        foreach (var (key, value) in walker.Mapping(node, "rules", allowedKeys: null))
        {
            var id = new Located<string>(key.Value!, walker.At(key));
            var descriptor = RuleCatalog.Find(id.Value);
            Located<string>? severity = null, action = null;
            var parameters = new List<(Located<string>, Located<string>)>();
            var allowed = descriptor is null
                ? null
                : (IReadOnlyCollection<string>)["severity", "action", .. descriptor.Parameters.Select(p => p.Name)];
            foreach (var (settingKey, settingValue) in walker.Mapping(value, $"rule '{id.Value}'", allowed))
            {
                var scalar = walker.Scalar(settingValue, $"rules.{id.Value}.{settingKey.Value}");
                if (scalar is null)
                {
                    continue;
                }

                switch (settingKey.Value)
                {
                    case "severity": severity = scalar; break;
                    case "action": action = scalar; break;
                    default: parameters.Add((new Located<string>(settingKey.Value!, walker.At(settingKey)), scalar)); break;
                }
            }

            rules.Add(new RuleDocument(id, severity, action, parameters));
        }

        return rules;
    }
}
