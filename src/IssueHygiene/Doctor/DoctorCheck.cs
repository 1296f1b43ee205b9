namespace IssueHygiene.Doctor;

/// <summary>One line of the <c>doctor</c> checklist.</summary>
/// <param name="Title">What was checked (<c>GitLab reachable</c>, <c>webhook on group:meltano</c>).</param>
/// <param name="Status">Pass, fail or unverified.</param>
/// <param name="Detail">What was found.</param>
/// <param name="Fix">How to put it right (for a fail or an unverified check).</param>
public sealed record DoctorCheck(string Title, DoctorStatus Status, string Detail, string? Fix = null)
{
    public static DoctorCheck Pass(string title, string detail) => new(title, DoctorStatus.Pass, detail);

    public static DoctorCheck Fail(string title, string detail, string fix) => new(title, DoctorStatus.Fail, detail, fix);

    public static DoctorCheck Unverified(string title, string detail, string fix) => new(title, DoctorStatus.Unverified, detail, fix);
}
