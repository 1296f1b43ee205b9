namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>GitLab's length limits on what users write (its model validations).</summary>
internal static class GitLabLimits
{
    public const int TitleLength = 255;
    public const int DescriptionLength = 1_048_576;
    public const int NoteLength = 1_000_000;

    public static ApiResult? CheckIssue(string? title, string? description) =>
        title?.Length > TitleLength ? ApiResult.Invalid("title", $"is too long (maximum is {TitleLength} characters)")
        : description?.Length > DescriptionLength ? ApiResult.Invalid("description", $"is too long (maximum is {DescriptionLength} characters)")
        : null;

    public static ApiResult? CheckNote(string body) =>
        body.Length > NoteLength ? ApiResult.Invalid("note", $"is too long (maximum is {NoteLength} characters)") : null;
}
