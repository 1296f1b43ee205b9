namespace IssueHygiene.GitLabSimulator.Seeding;

/// <summary>Usernames and tokens of the seeded users (the admin and bot tokens come from the options).</summary>
public static class SeededUsers
{
    public const string Root = "root";
    public const string Bot = "issue-hygiene-bot";
    public const string Guest = "guest-user";
    public const string Reporter = "reporter-user";
    public const string Developer = "developer-user";
    public const string Maintainer = "maintainer-user";

    /// <summary>Logged in nowhere: a user with no membership anywhere.</summary>
    public const string Outsider = "outsider-user";

    public const string GuestToken = "guest-token";
    public const string ReporterToken = "reporter-token";
    public const string DeveloperToken = "developer-token";
    public const string MaintainerToken = "maintainer-token";
    public const string OutsiderToken = "outsider-token";
}
