using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.MergeRequests;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Secrets;

namespace IssueHygiene.Core.Tests.Secrets;

/// <summary>
/// The handbook's secret-leak response on a merge request ("Preventing and responding to accidental secrets leakage":
/// reduce exposure, tell the person to rotate): as on an issue, except that GitLab has no confidential merge requests.
/// </summary>
public sealed class SecretLeakPlannerMergeRequestTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private readonly SecretSamples _samples = new(31);

    private static MergeRequestSnapshot MergeRequest(string? description) => new()
    {
        ProjectId = 5,
        Iid = 7,
        Title = "Deploy faster",
        Description = description,
        State = MergeRequestState.Opened,
        Author = new UserRef(10, "dev"),
        CreatedAt = TestData.Now,
        WebUrl = "https://gitlab.example.com/g/p/-/merge_requests/7",
    };

    [Theory]
    [InlineData(FixMode.QuickActions)]
    [InlineData(FixMode.Api)]
    public void Plan_TokenInComment_InternalNoteOnly_SaysMergeRequestsCannotBeConfidential(FixMode fixMode)
    {
        var planner = new SecretLeakPlanner(TestData.Handbook, fixMode);
        var comment = new NoteToScan(99, "try " + _samples.GitLab("glpat-"), new UserRef(11, "reviewer"));

        var scan = planner.Scan(SecretLeakSubject.Of(MergeRequest("no secret here")), [comment], botUserId: 1, Key);
        var plan = planner.Plan(scan, new HashSet<string>());

        var note = Assert.Single(plan.Writes.Writes);
        Assert.Equal(WriteKind.NoteCreate, note.Kind);
        Assert.True(note.Internal);
        Assert.Empty(note.QuickActions);
        Assert.StartsWith(SecretLeakNote.MarkerStart, note.Body, StringComparison.Ordinal);
        Assert.Contains("@reviewer — this merge request contains a credential", note.Body, StringComparison.Ordinal);
        Assert.Contains("GitLab cannot make a merge request confidential", note.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("has been made confidential", note.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("[REDACTED]", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TokenInDescription_WithRedact_ReplacesTheDescriptionWithoutConfidential()
    {
        var rules = TestData.Load(File.ReadAllText(TestData.HandbookPath).Replace(
            "secret-leak:              { severity: error,   action: fix, redact: 'false' }",
            "secret-leak:              { severity: error,   action: fix, redact: 'true' }",
            StringComparison.Ordinal));
        var planner = new SecretLeakPlanner(rules, FixMode.QuickActions);
        var token = _samples.GitLab("glpat-");

        var scan = planner.Scan(SecretLeakSubject.Of(MergeRequest("use " + token)), [], botUserId: 1, Key);
        var plan = planner.Plan(scan, new HashSet<string>());

        Assert.Equal([WriteKind.RestUpdate, WriteKind.NoteCreate], plan.Writes.Writes.Select(w => w.Kind));
        var change = plan.Writes.Writes[0].Change!;
        Assert.Null(change.Confidential);
        Assert.Null(change.Title);
        Assert.Equal("use [REDACTED]", change.Description);
        Assert.True(plan.Writes.ReplacesText);
    }

    [Fact]
    public void Plan_AlreadyAnswered_WritesNothing()
    {
        var planner = new SecretLeakPlanner(TestData.Handbook, FixMode.QuickActions);
        var scan = planner.Scan(SecretLeakSubject.Of(MergeRequest("use " + _samples.GitLab("glpat-"))), [], botUserId: 1, Key);

        var plan = planner.Plan(scan, scan.Findings.Select(f => f.Fingerprint).ToHashSet());

        Assert.True(plan.Writes.IsEmpty);
        Assert.Equal(SecretLeakAnswer.AlreadyAnswered, plan.Answer);
    }
}
