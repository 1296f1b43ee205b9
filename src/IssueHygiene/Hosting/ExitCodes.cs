namespace IssueHygiene.Hosting;

/// <summary>The executable's exit codes (contract, docs/architecture.md §5).</summary>
public static class ExitCodes
{
    /// <summary>Clean: nothing found (or the command succeeded).</summary>
    public const int Clean = 0;

    /// <summary>Violations found (lint/report), or the write budget was hit.</summary>
    public const int Violations = 1;

    /// <summary>Usage or configuration error.</summary>
    public const int UsageError = 2;

    /// <summary>The run failed (GitLab kept failing, e.g. a page of issues): an extension of the contract's 0/1/2.</summary>
    public const int Failed = 3;
}
