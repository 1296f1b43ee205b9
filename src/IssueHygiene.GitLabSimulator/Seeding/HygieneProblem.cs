namespace IssueHygiene.GitLabSimulator.Seeding;

/// <summary>What the generator deliberately got wrong on an issue (or <see cref="None"/>: a clean one).</summary>
public enum HygieneProblem
{
    None,
    NoMilestone,
    SprintWithoutFlow,
    TwoFlowLabels,
    UnknownFlowValue,
    NoTypeLabel,
    TwoTypeLabels,
    NotebookStage,
    ActiveFlowWithoutAssignee,
    ToDoInBacklog,
    OverdueSprint,
    UndocumentedLabel,
    Closed,
}
