namespace IssueHygiene.GitLabSimulator.State;

internal enum IssueStateEvent
{
    None,
    Close,
    Reopen,
}
