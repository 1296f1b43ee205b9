namespace IssueHygiene.Benchmarks.Report;

/// <summary>The explanation under the generated table: what was measured to get there.</summary>
internal static class PerformanceNotes
{
    public const string Text = """
        ## Where the CPU of a dry sweep went, and what changed

        See the README's Performance section for the profile and each setting's before/after.
        """;
}
