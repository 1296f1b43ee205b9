namespace IssueHygiene.Core.MergeRequests;

/// <summary>The experts on the part of the code base a glob names (<c>experts: { 'src/**': [douwe] }</c>).</summary>
/// <param name="Glob">The paths.</param>
/// <param name="Usernames">GitLab usernames, without <c>@</c>.</param>
public sealed record PathExperts(PathGlob Glob, IReadOnlyList<string> Usernames);
