using YamlDotNet.RepresentationModel;

namespace IssueHygiene.Core.Policy.Loading;

/// <summary>
/// Reads YAML nodes strictly: known keys only, the expected node kinds, every problem recorded with its location
/// (all errors of a file are reported at once, not the first one only).
/// </summary>
internal sealed class YamlWalker(string file, List<RuleSetError> errors)
{
    public SourceLocation At(YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public void Error(YamlNode node, string message) => errors.Add(new RuleSetError(At(node), message));

    /// <summary>The entries of a mapping, in order; unknown keys (when <paramref name="allowedKeys"/> is given) are errors.</summary>
    public List<(YamlScalarNode Key, YamlNode Value)> Mapping(YamlNode node, string what, IReadOnlyCollection<string>? allowedKeys)
    {
        var entries = new List<(YamlScalarNode, YamlNode)>();
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be a mapping (key: value lines)");
            return entries;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                Error(keyNode, $"{what}: keys must be plain text");
                continue;
            }

            if (allowedKeys is not null && !allowedKeys.Contains(key))
            {
                Error(keyNode, $"unknown key '{key}' in {what} (expected one of: {string.Join(", ", allowedKeys)})");
                continue;
            }

            entries.Add((scalarKey, value));
        }

        return entries;
    }

    public Located<string>? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return new Located<string>(value, At(node));
        }

        Error(node, $"{what} must be a single value, not a {Describe(node)}");
        return null;
    }

    /// <summary>A list; a single scalar is accepted as a list of one.</summary>
    public List<YamlNode> Sequence(YamlNode node, string what)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                return [.. sequence.Children];
            case YamlScalarNode { Value: { Length: > 0 } }:
                return [node];
            case YamlScalarNode:
                return [];
            default:
                Error(node, $"{what} must be a list");
                return [];
        }
    }

    public List<Located<string>> Scalars(YamlNode node, string what) =>
        [.. Sequence(node, what).Select(n => Scalar(n, what + " entry")).OfType<Located<string>>()];

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "empty value",
    };
}
