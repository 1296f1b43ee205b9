namespace IssueHygiene.GitLabSimulator.State;

internal enum IssueOrder
{
    CreatedAt,
    UpdatedAt,
    Id,
    Title,
}
