namespace IssueHygiene.GitLab.Dtos;

/// <summary>GitLab's access levels, with <see cref="None"/> for "not a member".</summary>
public enum GitLabAccessLevel
{
    None = 0,
    MinimalAccess = 5,
    Guest = 10,
    Planner = 15,
    Reporter = 20,
    Developer = 30,
    Maintainer = 40,
    Owner = 50,
}
