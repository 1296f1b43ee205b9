namespace IssueHygiene.Doctor;

/// <summary>The outcome of one <c>doctor</c> check.</summary>
public enum DoctorStatus
{
    /// <summary>✓ set up right.</summary>
    Pass,

    /// <summary>✗ not set up right: the check says how to fix it. Makes <c>doctor</c> exit 1.</summary>
    Fail,

    /// <summary>? could not be checked (e.g. the token may not read webhooks): says why; does not fail.</summary>
    Unverified,
}
