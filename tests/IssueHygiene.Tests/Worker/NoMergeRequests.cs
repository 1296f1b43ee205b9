using System.Reflection;
using IssueHygiene.GitLab;

namespace IssueHygiene.Tests.Worker;

/// <summary>
/// The merge-request role for tests of the issue path: any call fails the test, since an issue's batch never reads a
/// merge request.
/// </summary>
public class NoMergeRequests : DispatchProxy
{
    public static IGitLabMergeRequests Instance { get; } = Create<IGitLabMergeRequests, NoMergeRequests>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException($"an issue's batch called {targetMethod?.Name} on the merge-request role");
}
