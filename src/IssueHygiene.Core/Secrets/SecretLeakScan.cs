using IssueHygiene.Core.Policy;

using IssueHygiene.Core.Issues;

namespace IssueHygiene.Core.Secrets;

/// <summary>
/// What <see cref="SecretLeakPlanner.Scan(SecretLeakSubject, IReadOnlyList{NoteToScan}, long?, ReadOnlySpan{byte})"/>
/// found in an issue's or a merge request's title, description and the notes given, before the answered fingerprints
/// are known. Holds the scanned texts (to redact them), so it is never logged or reported.
/// </summary>
public sealed class SecretLeakScan
{
    internal SecretLeakScan(SecretLeakSubject subject, RuleSettings settings, IReadOnlyList<FingerprintedFinding> findings, IReadOnlyList<ScannedText> texts)
    {
        Subject = subject;
        Settings = settings;
        Findings = findings;
        Texts = texts;
    }

    public SecretLeakSubject Subject { get; }

    public RuleSettings Settings { get; }

    /// <summary>One per finding, in scan order.</summary>
    public IReadOnlyList<FingerprintedFinding> Findings { get; }

    /// <summary>True when answering needs the fingerprints already answered (listing the item's notes).</summary>
    public bool NeedsAnswered => Findings.Count > 0 && Settings.Action is RuleAction.Fix or RuleAction.Comment;

    /// <summary>The text each finding was found in (same order as <see cref="Findings"/>).</summary>
    internal IReadOnlyList<ScannedText> Texts { get; }

    public override string ToString() => $"{Subject}: {Findings.Count} finding(s)";
}

/// <summary>A text the planner scanned: where it is and who wrote it (its text is never printed).</summary>
internal sealed record ScannedText(string Text, SecretLocation Location, UserRef? Author)
{
    public override string ToString() => Location.ToString();
}
