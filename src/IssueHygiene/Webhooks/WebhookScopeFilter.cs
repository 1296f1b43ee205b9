using IssueHygiene.Hosting;

namespace IssueHygiene.Webhooks;

/// <summary>
/// Whether a project named in a payload lies inside the configured scopes (<c>Scopes:Groups</c> by full path, subgroups
/// included, or <c>Scopes:Projects</c> by id or path). No scopes configured means every project the hook reports.
/// Group ids cannot be matched from a payload (it names the namespace only by path); they are resolved to paths at
/// start-up (<see cref="AddGroupPath"/>).
/// </summary>
public sealed class WebhookScopeFilter
{
    private readonly HashSet<string> _projects = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _groupPrefixes = [];
    private readonly Lock _gate = new();

    public WebhookScopeFilter(ScopesOptions scopes)
    {
        foreach (var project in scopes.Projects)
        {
            _projects.Add(project.Trim('/'));
        }

        foreach (var group in scopes.Groups.Where(g => !long.TryParse(g, out _)))
        {
            _groupPrefixes.Add(group.Trim('/') + "/");
        }

        IsUnrestricted = scopes.Projects.Count == 0 && scopes.Groups.Count == 0;
    }

    public bool IsUnrestricted { get; }

    /// <summary>A group configured by id, resolved to its full path.</summary>
    public void AddGroupPath(string fullPath)
    {
        lock (_gate)
        {
            _groupPrefixes.Add(fullPath.Trim('/') + "/");
        }
    }

    public bool Contains(long projectId, string? pathWithNamespace)
    {
        if (IsUnrestricted || _projects.Contains(projectId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            return true;
        }

        if (string.IsNullOrEmpty(pathWithNamespace))
        {
            return false;
        }

        if (_projects.Contains(pathWithNamespace))
        {
            return true;
        }

        lock (_gate)
        {
            return _groupPrefixes.Any(prefix => pathWithNamespace.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        }
    }
}
