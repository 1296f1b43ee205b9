namespace IssueHygiene.Core.Policy.Loading;

/// <summary>
/// The rules file's <c>mergeRequests</c> section as written:
/// <c>trivial</c> (globs) and <c>experts</c> (a list of usernames, or globs mapped to usernames).
/// </summary>
/// <param name="Trivial">The trivial globs; null when not written (the defaults apply).</param>
/// <param name="Experts">Glob → usernames; a plain list is written as one entry for <c>**</c>.</param>
public sealed record MergeRequestDocument(
    IReadOnlyList<Located<string>>? Trivial,
    IReadOnlyList<(Located<string> Glob, IReadOnlyList<Located<string>> Usernames)> Experts);
