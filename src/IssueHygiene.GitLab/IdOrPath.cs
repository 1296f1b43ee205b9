using System.Globalization;

namespace IssueHygiene.GitLab;

/// <summary>
/// A project or group as GitLab's API accepts it: a numeric id or a full path (<c>group/sub/project</c>),
/// which goes into URLs percent-encoded (<c>group%2Fsub%2Fproject</c>).
/// </summary>
public readonly record struct IdOrPath
{
    private IdOrPath(string value) => Value = value;

    /// <summary>The id digits or the path, as given.</summary>
    public string Value { get; }

    public static IdOrPath FromId(long id) =>
        id > 0 ? new IdOrPath(id.ToString(CultureInfo.InvariantCulture)) : throw new ArgumentOutOfRangeException(nameof(id), id, "GitLab ids are positive.");

    public static IdOrPath FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new IdOrPath(path.Trim('/'));
    }

    public static implicit operator IdOrPath(long id) => FromId(id);

    public static implicit operator IdOrPath(string idOrPath) => FromPath(idOrPath);

    /// <summary>The URL segment: the id, or the path with every <c>/</c> encoded.</summary>
    public string ToUrlSegment() => Uri.EscapeDataString(Value ?? string.Empty);

    public override string ToString() => Value ?? string.Empty;
}
