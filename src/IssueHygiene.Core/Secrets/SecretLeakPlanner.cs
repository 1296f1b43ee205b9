using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Rules;

namespace IssueHygiene.Core.Secrets;

/// <summary>
/// The <c>secret-leak</c> response, decided (handbook, "Preventing and responding to accidental secrets leakage":
/// reduce exposure at once, tell the person to rotate, however briefly it was visible). Pure: from an issue or a merge
/// request, the notes the caller has and the fingerprints already answered, the writes — make an issue confidential
/// (GitLab has no confidential merge requests: the note says so), post one internal note that mentions the authors,
/// names each credential's kind and place and says to rotate now, and with <c>redact: true</c> replace the values in
/// the title and description with <c>[REDACTED]</c>. Comments are never edited: GitLab lets only a comment's author
/// edit it, so the note asks them to. Idempotent through the keyed fingerprints in the note's marker. No grace period
/// applies and closed (or merged) items are answered too.
/// </summary>
public sealed class SecretLeakPlanner(RuleSet rules, FixMode fixMode)
{
    private static readonly IReadOnlyList<string> RuleIds = [SecretLeakRule.Id];

    /// <summary>Scans the title, the description and the notes not written by the bot (its notes never hold a value).</summary>
    public SecretLeakScan Scan(IssueSnapshot issue, IReadOnlyList<NoteToScan> notes, long? botUserId, ReadOnlySpan<byte> fingerprintKey) =>
        Scan(SecretLeakSubject.Of(issue), notes, botUserId, fingerprintKey);

    /// <summary>The same scan of any subject (an issue or a merge request).</summary>
    public SecretLeakScan Scan(SecretLeakSubject subject, IReadOnlyList<NoteToScan> notes, long? botUserId, ReadOnlySpan<byte> fingerprintKey)
    {
        var settings = rules.SettingsFor(SecretLeakRule.Id);
        if (settings.Action == RuleAction.Off)
        {
            return new SecretLeakScan(subject, settings, [], []);
        }

        var texts = new List<ScannedText> { new(subject.Title, SecretLocation.Title, subject.Author) };
        if (subject.Description is { } description)
        {
            texts.Add(new ScannedText(description, SecretLocation.Description, subject.Author));
        }

        foreach (var note in notes)
        {
            if (!note.IsSystem && (botUserId is null || note.Author?.Id != botUserId))
            {
                texts.Add(new ScannedText(note.Body, SecretLocation.Note(note.Id), note.Author));
            }
        }

        var findings = new List<FingerprintedFinding>();
        var foundIn = new List<ScannedText>();
        foreach (var text in texts)
        {
            foreach (var finding in SecretScanner.Scan(text.Text, text.Location))
            {
                findings.Add(FingerprintedFinding.Of(finding, SecretFingerprint.Of(fingerprintKey, finding, text.Text)));
                foundIn.Add(text);
            }
        }

        return new SecretLeakScan(subject, settings, findings, foundIn);
    }

    /// <summary>The response to the scan's findings not in <paramref name="answered"/>.</summary>
    public SecretLeakPlan Plan(SecretLeakScan scan, IReadOnlySet<string> answered)
    {
        if (scan.Findings.Count == 0)
        {
            return SecretLeakPlan.Nothing;
        }

        if (scan.Settings.Action == RuleAction.Report)
        {
            return new SecretLeakPlan(scan.Findings, SecretLeakAnswer.Reported, WritePlan.Nothing);
        }

        var fresh = Enumerable.Range(0, scan.Findings.Count).Where(i => !answered.Contains(scan.Findings[i].Fingerprint)).ToList();
        if (fresh.Count == 0)
        {
            return new SecretLeakPlan(scan.Findings, SecretLeakAnswer.AlreadyAnswered, WritePlan.Nothing);
        }

        var writes = Writes(scan.Subject, scan.Settings, [.. fresh.Select(i => scan.Findings[i])], [.. fresh.Select(i => scan.Texts[i])]);
        return new SecretLeakPlan(scan.Findings, SecretLeakAnswer.Respond, new WritePlan(writes, null, null));
    }

    /// <summary>
    /// The writes, in order: the item change (confidential, and the redacted title and description), then the
    /// internal note. Without an issue change in quick-action mode, the note carries <c>/confidential</c>, so exposure
    /// ends with the same request that explains why.
    /// </summary>
    private List<PlannedWrite> Writes(SecretLeakSubject subject, RuleSettings settings, List<FingerprintedFinding> findings, List<ScannedText> texts)
    {
        var confidential = settings.Action == RuleAction.Fix && subject.CanBeConfidential && !subject.Confidential;
        var redact = SecretLeakRule.Redacts(settings);
        var redactTitle = redact && texts.Any(t => t.Location.Place == SecretPlace.Title);
        var redactDescription = redact && texts.Any(t => t.Location.Place == SecretPlace.Description);
        // Confidential goes first: in the issue change when there is one anyway (GitLab records a changed title in a
        // system note, which then is confidential too), otherwise as /confidential in the note.
        var confidentialByUpdate = confidential && (fixMode == FixMode.Api || redactTitle || redactDescription);
        var writes = new List<PlannedWrite>();
        var change = new IssueChange
        {
            Confidential = confidentialByUpdate ? true : null,
            Title = redactTitle ? Redacted(subject.Title, SecretLocation.Title) : null,
            Description = redactDescription ? Redacted(subject.Description, SecretLocation.Description) : null,
        };
        if (!change.IsEmpty)
        {
            writes.Add(new PlannedWrite { Kind = WriteKind.RestUpdate, Change = change, Rules = RuleIds });
        }

        // The same value twice in one place is one credential to rotate: one line, one fingerprint.
        var distinct = findings.DistinctBy(f => f.Fingerprint).ToList();
        var content = new SecretLeakNoteContent(
            distinct,
            [.. texts.Select(t => t.Author?.Username).OfType<string>().Distinct(StringComparer.Ordinal)],
            confidential,
            redact,
            subject.WebUrl)
        {
            Noun = subject.Noun,
            CannotBeConfidential = settings.Action == RuleAction.Fix && !subject.CanBeConfidential,
            NotRedacted = redact ? [.. texts.Where(t => t.Location.Place == SecretPlace.Note).Select(t => t.Location).Distinct()] : [],
        };
        writes.Add(new PlannedWrite
        {
            Kind = WriteKind.NoteCreate,
            Body = SecretLeakNote.Render(content),
            QuickActions = confidential && !confidentialByUpdate ? ["/confidential"] : [],
            Internal = true,
            Rules = RuleIds,
        });
        return writes;
    }

    private static string? Redacted(string? text, SecretLocation location)
    {
        var findings = SecretScanner.Scan(text, location);
        return findings.Count == 0 ? null : SecretRedactor.Redact(text!, findings);
    }
}
