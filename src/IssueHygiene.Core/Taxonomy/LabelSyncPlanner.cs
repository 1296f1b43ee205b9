using IssueHygiene.Core.Policy;

namespace IssueHygiene.Core.Taxonomy;

/// <summary>
/// Decides how a group's labels become the rules taxonomy: create what is missing, fix drifted colours and
/// descriptions, rename labels found under a former name (GitLab renames in place, so issues keep the label). Never
/// deletes. Pure: the group's labels and the rule set in, the plan out.
/// </summary>
public static class LabelSyncPlanner
{
    /// <summary>GitLab needs a colour for a new label; used when the rules file gives none.</summary>
    public const string FallbackColor = "#6699CC";

    public static LabelSyncPlan Plan(IEnumerable<ExistingLabel> existing, RuleSet rules)
    {
        var byName = new Dictionary<string, ExistingLabel>(StringComparer.Ordinal);
        foreach (var label in existing)
        {
            byName.TryAdd(label.Name, label);
        }

        var changes = new List<LabelChange>();
        var conflicts = new List<string>();
        foreach (var definition in rules.Labels.All)
        {
            var description = DescriptionOf(definition);
            var formerNames = definition.Previously.Where(byName.ContainsKey).ToList();
            if (byName.TryGetValue(definition.Name, out var current))
            {
                conflicts.AddRange(formerNames.Select(former =>
                    $"\"{former}\" and \"{definition.Name}\" both exist: move the issues from \"{former}\" to \"{definition.Name}\" and delete \"{former}\" by hand (labels sync never deletes)"));
                if (Drift(current, definition.Color, description) is { } drift)
                {
                    changes.Add(new LabelChange(LabelChangeKind.Update, definition.Name, null,
                        ColorDiffers(current.Color, definition.Color) ? definition.Color : null,
                        DescriptionDiffers(current.Description, description) ? description : null,
                        drift));
                }

                continue;
            }

            if (formerNames.Count > 0)
            {
                var former = byName[formerNames[0]];
                conflicts.AddRange(formerNames.Skip(1).Select(other =>
                    $"\"{other}\" is another former name of \"{definition.Name}\" (renamed from \"{former.Name}\"): merge it by hand"));
                changes.Add(new LabelChange(LabelChangeKind.Rename, definition.Name, former.Name,
                    ColorDiffers(former.Color, definition.Color) ? definition.Color : null,
                    DescriptionDiffers(former.Description, description) ? description : null,
                    $"renamed from \"{former.Name}\" (listed under previously:)"));
                continue;
            }

            changes.Add(new LabelChange(LabelChangeKind.Create, definition.Name, null, definition.Color ?? FallbackColor, description, "missing"));
        }

        return new LabelSyncPlan(changes, conflicts);
    }

    /// <summary>The description a taxonomy label should have: the rules file's, else the handbook's wording.</summary>
    public static string? DescriptionOf(LabelDefinition definition) =>
        definition.Description ?? HandbookLabelDescriptions.For(definition.Name);

    private static string? Drift(ExistingLabel current, string? color, string? description)
    {
        var parts = new List<string>(2);
        if (ColorDiffers(current.Color, color))
        {
            parts.Add($"colour {current.Color ?? "none"} → {color}");
        }

        if (DescriptionDiffers(current.Description, description))
        {
            parts.Add("description differs from the taxonomy");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    // GitLab keeps colours as typed; #ff0000 and #FF0000 are the same colour.
    private static bool ColorDiffers(string? current, string? wanted) =>
        wanted is not null && !string.Equals(current, wanted, StringComparison.OrdinalIgnoreCase);

    // GitLab returns "" and null alike for "no description".
    private static bool DescriptionDiffers(string? current, string? wanted) =>
        wanted is not null && !string.Equals(current ?? string.Empty, wanted, StringComparison.Ordinal);
}
