using System.Text.Json;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.GitLab.Json;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.Hosting;

namespace IssueHygiene.Cli;

/// <summary>
/// Reads GitLab's milestone list as its REST API returns it (<c>GET /groups/:id/milestones</c> or
/// <c>GET /projects/:id/milestones</c>, a JSON array), so offline <c>lint</c> knows the same milestones as the
/// online paths (Backlog, the current sprint) and plans the same fixes. Mapped exactly as the online reader maps them.
/// </summary>
public static class MilestonesJsonFile
{
    public static TrackerCatalog Read(string path)
    {
        var bytes = InputFile.ReadBytes(path, "milestones file");

        try
        {
            var milestones = JsonSerializer.Deserialize(bytes, GitLabJsonContext.Default.ListGitLabMilestone)
                ?? throw new UsageException($"{path} is not a GitLab milestone list: expected a JSON array, found null");
            if (milestones.Any(m => m is null || string.IsNullOrEmpty(m.Title)))
            {
                throw new UsageException($"{path} is not a GitLab milestone list: every milestone needs a title");
            }

            // Labels stay unknown offline: fixes name the rules file's labels, as without this file.
            return new TrackerCatalog(new MilestoneCatalog(milestones.Select(GitLabIssueMapper.ToMilestoneRef)), null);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not a GitLab milestone list (line {e.LineNumber + 1}): {e.Message}");
        }
    }
}
