namespace IssueHygiene.Core.Labels;

/// <summary>GitLab's scoped labels: the scope is everything before the <em>last</em> <c>::</c>.</summary>
public static class ScopedLabel
{
    private const string Separator = "::";

    /// <summary>The scope of <paramref name="label"/>, or an empty span when it is not scoped.</summary>
    public static ReadOnlySpan<char> ScopeOf(string label)
    {
        var at = label.LastIndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? [] : label.AsSpan(0, at);
    }

    /// <summary>The value part (after the last <c>::</c>), or the whole label when it is not scoped.</summary>
    public static ReadOnlySpan<char> ValueOf(string label)
    {
        var at = label.LastIndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? label : label.AsSpan(at + Separator.Length);
    }

    /// <summary>True when the label's scope is exactly <paramref name="scope"/> (so <c>flow::a::b</c> is not in <c>flow</c>).</summary>
    public static bool IsInScope(string label, string scope) =>
        ScopeOf(label).SequenceEqual(scope.AsSpan());

    /// <summary>The full name of a value in a scope: <c>flow</c> + <c>Doing</c> → <c>flow::Doing</c>.</summary>
    public static string Compose(string scope, string value) => scope + Separator + value;
}
