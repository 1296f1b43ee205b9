using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using IssueHygiene.Core.MergeRequests;
using YamlDotNet.RepresentationModel;

namespace IssueHygiene.Core.Policy.Loading;

/// <summary>
/// Reading, checking and building the rules file's <c>mergeRequests</c> section, kept apart from the issue sections:
/// <code>
/// mergeRequests:
///   trivial: ['**/*.md', 'docs/**']
///   experts: [douwe]                      # or per path: { 'src/**': [douwe], 'docs/**': [ann, douwe] }
/// </code>
/// </summary>
internal static partial class MergeRequestSection
{
    public const string Key = "mergeRequests";

    private static readonly string[] Keys = ["trivial", "experts"];

    public static MergeRequestDocument Read(YamlWalker walker, YamlNode node)
    {
        IReadOnlyList<Located<string>>? trivial = null;
        var experts = new List<(Located<string>, IReadOnlyList<Located<string>>)>();
        foreach (var (key, value) in walker.Mapping(node, Key, Keys))
        {
            if (key.Value == "trivial")
            {
                trivial = walker.Scalars(value, Key + ".trivial");
                continue;
            }

            if (value is YamlMappingNode)
            {
                foreach (var (glob, usernames) in walker.Mapping(value, Key + ".experts", allowedKeys: null))
                {
                    experts.Add((new Located<string>(glob.Value!, walker.At(glob)), walker.Scalars(usernames, $"{Key}.experts['{glob.Value}']")));
                }
            }
            else
            {
                experts.Add((new Located<string>("**", walker.At(value)), walker.Scalars(value, Key + ".experts")));
            }
        }

        return new MergeRequestDocument(trivial, experts);
    }

    public static void Check(MergeRequestDocument? section, ValidationContext<RuleSetDocument> context)
    {
        if (section is null)
        {
            return;
        }

        foreach (var glob in section.Trivial ?? [])
        {
            CheckGlob(glob, Key + ".trivial", context);
        }

        foreach (var (glob, usernames) in section.Experts)
        {
            CheckGlob(glob, Key + ".experts", context);
            if (usernames.Count == 0)
            {
                Fail(context, glob.Location, $"{Key}.experts['{glob.Value}'] names no one");
            }

            foreach (var username in usernames.Where(u => !Username().IsMatch(u.Value)))
            {
                Fail(context, username.Location, $"{Key}.experts: '{username.Value}' is not a GitLab username (write it without @)");
            }
        }
    }

    public static MergeRequestPolicy Build(MergeRequestDocument? section) => section is null
        ? MergeRequestPolicy.Default
        : new MergeRequestPolicy
        {
            Trivial = section.Trivial is { } trivial
                ? [.. trivial.Select(g => PathGlob.Parse(g.Value))]
                : MergeRequestPolicy.Default.Trivial,
            Experts = [.. section.Experts.Select(e => new PathExperts(PathGlob.Parse(e.Glob.Value), [.. e.Usernames.Select(u => u.Value)]))],
        };

    private static void CheckGlob(Located<string> glob, string what, ValidationContext<RuleSetDocument> context)
    {
        if (PathGlob.TryParse(glob.Value, out var error) is null)
        {
            Fail(context, glob.Location, $"{what}: glob '{glob.Value}' {error}");
        }
    }

    private static void Fail(ValidationContext<RuleSetDocument> context, SourceLocation at, string message) =>
        context.AddFailure(new ValidationFailure(string.Empty, message) { CustomState = at });

    // GitLab usernames: letters, digits, '_', '-', '.'; not starting with '-' or '.'.
    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Username();
}
