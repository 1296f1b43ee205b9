namespace IssueHygiene.GitLabSimulator.Seeding;

public sealed record SeededProject(long Id, string PathWithNamespace);
