namespace IssueHygiene.GitLabSimulator.Model;

/// <summary>GitLab's membership access levels (the numbers the API returns).</summary>
public static class AccessLevel
{
    public const int None = 0;
    public const int Guest = 10;
    public const int Planner = 15;
    public const int Reporter = 20;
    public const int Developer = 30;
    public const int Maintainer = 40;
    public const int Owner = 50;
}
