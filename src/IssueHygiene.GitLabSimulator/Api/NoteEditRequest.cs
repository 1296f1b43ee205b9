using IssueHygiene.GitLabSimulator.Hosting;

namespace IssueHygiene.GitLabSimulator.Api;

/// <summary>
/// The checks GitLab makes before editing any note (issue or merge request): system notes and other people's notes are
/// not the caller's to edit (administrators aside, 403); the new body must be present (400) and within the note limit.
/// </summary>
internal static class NoteEditRequest
{
    /// <summary>GitLab's refusal, or null with the new <paramref name="body"/>.</summary>
    public static ApiResult? Refusal(bool system, long authorId, RequestActor actor, RequestParameters p, out string body)
    {
        body = "";
        if (system || (authorId != actor.User.Id && !actor.User.IsAdmin))
        {
            return ApiResult.Forbidden;
        }

        if (p.Get("body") is not { Length: > 0 } given)
        {
            return ApiResult.ParameterError("body is missing");
        }

        body = given;
        return GitLabLimits.CheckNote(given);
    }
}
