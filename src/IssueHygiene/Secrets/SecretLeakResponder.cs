using System.Globalization;
using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Issues;
using IssueHygiene.Core.Policy;
using IssueHygiene.Core.Reporting;
using IssueHygiene.Core.Rules;
using IssueHygiene.Core.Secrets;
using IssueHygiene.GitLab;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Mapping;
using IssueHygiene.GitLab.Requests;
using IssueHygiene.Hygiene;
using IssueHygiene.Storage;
using IssueHygiene.Storage.Audit;
using Microsoft.Extensions.Logging;

namespace IssueHygiene.Secrets;

/// <summary>
/// The <c>secret-leak</c> response (handbook, "Preventing and responding to accidental secrets leakage": reduce
/// exposure at once, tell the person to rotate, however briefly it was visible). For an issue and the notes the caller
/// has, it scans the title, description and notes; for new findings it makes the issue confidential, posts one
/// internal note that mentions the authors, names each credential's kind and place and says to rotate now, and — with
/// <c>redact: true</c> — replaces the values with <c>[REDACTED]</c>. Idempotent: the note's marker carries keyed
/// fingerprints of what it answered, so a re-run, the webhook echo or a sweep after a webhook posts nothing twice.
/// Never writes, logs, audits or reports a value.
/// </summary>
/// <remarks>
/// Callers: the webhook worker (Issue Hook: <c>RespondAsync(issue, [], context)</c>; Note Hook: the note as
/// <see cref="NoteToScan"/>) and the sweep (per issue, with the notes it has, often none). No grace period applies and
/// closed issues are answered too: a leak is urgent whatever the issue's state.
/// </remarks>
public sealed partial class SecretLeakResponder(
    IGitLabClient gitLab,
    IHygieneStore store,
    RuleSet rules,
    WritePlanner planner,
    SecretFingerprintKey key,
    TimeProvider time,
    ILogger<SecretLeakResponder> logger)
{
    private static readonly IReadOnlyList<string> RuleIds = [SecretLeakRule.Id];

    /// <summary>Scans <paramref name="issue"/> and <paramref name="notes"/> and answers new findings (see the class).</summary>
    public async Task<SecretLeakOutcome> RespondAsync(IssueSnapshot issue, IReadOnlyList<NoteToScan> notes, ActContext context, CancellationToken cancellationToken)
    {
        var settings = rules.SettingsFor(SecretLeakRule.Id);
        if (settings.Action == RuleAction.Off)
        {
            return new SecretLeakOutcome(issue, [], [], SecretLeakStatus.NothingFound);
        }

        var texts = TextsToScan(issue, notes, context.BotUserId);
        var found = texts.SelectMany(t => SecretScanner.Scan(t.Text, t.Location).Select(f => (Finding: f, Text: t))).ToList();
        if (found.Count == 0)
        {
            return new SecretLeakOutcome(issue, [], [], SecretLeakStatus.NothingFound);
        }

        var findings = found.Select(f => FingerprintedFinding.Of(f.Finding, SecretFingerprint.Of(key.Bytes, f.Finding, f.Text.Text))).ToList();
        LogFound(logger, issue.ProjectId, issue.Iid, findings.Count, string.Join(", ", findings.Select(f => f.Kind).Distinct()));
        if (settings.Action == RuleAction.Report)
        {
            return new SecretLeakOutcome(issue, findings, [], SecretLeakStatus.Reported);
        }

        var answered = await AnsweredFingerprintsAsync(issue, context, cancellationToken);
        var fresh = Enumerable.Range(0, findings.Count).Where(i => !answered.Contains(findings[i].Fingerprint)).ToList();
        if (fresh.Count == 0)
        {
            return new SecretLeakOutcome(issue, findings, [], SecretLeakStatus.AlreadyAnswered);
        }

        var steps = Plan(issue, settings, [.. fresh.Select(i => findings[i])], [.. fresh.Select(i => found[i].Text)]);
        var writes = steps.Select(s => s.Shown).ToList();
        if (!context.Budget.TryReserve(steps.Count))
        {
            return new SecretLeakOutcome(issue, findings, writes, SecretLeakStatus.BudgetExhausted);
        }

        if (context.DryRun)
        {
            foreach (var step in steps)
            {
                await AuditAsync(issue, step, context, null, cancellationToken);
            }

            return new SecretLeakOutcome(issue, findings, writes, SecretLeakStatus.Planned);
        }

        var notRedacted = new List<SecretLocation>();
        string? error = null;
        foreach (var step in steps)
        {
            try
            {
                await ExecuteAsync(issue, step, notRedacted, cancellationToken);
                await AuditAsync(issue, step, context, null, cancellationToken);
                LogWrite(logger, step.Shown.Kind, issue.ProjectId, issue.Iid, step.Summary);
            }
            catch (GitLabException e) when (step.Shown.Kind == WriteKind.NoteEdit)
            {
                // Only a comment's author may edit it: the note asks them to, and the response goes on.
                await AuditAsync(issue, step, context, e.Message, cancellationToken);
                LogWriteFailed(logger, issue.ProjectId, issue.Iid, step.Summary, e.Message);
                notRedacted.Add(SecretLocation.Note(step.Shown.NoteId!.Value));
                error ??= e.Message;
            }
            catch (Exception e) when (e is GitLabException or WriteRejectedException)
            {
                await AuditAsync(issue, step, context, e.Message, cancellationToken);
                LogWriteFailed(logger, issue.ProjectId, issue.Iid, step.Summary, e.Message);
                return new SecretLeakOutcome(issue, findings, writes, SecretLeakStatus.Failed, e.Message);
            }
        }

        return new SecretLeakOutcome(issue, findings, writes, SecretLeakStatus.Written, error);
    }

    /// <summary>
    /// The writes, in order: the issue update (confidential, and the redacted title and description), the redacted
    /// comments, then the internal note. Without an issue update in quick-action mode, the note carries
    /// <c>/confidential</c>, so exposure ends with the same request that explains why.
    /// </summary>
    private List<Step> Plan(IssueSnapshot issue, RuleSettings settings, List<FingerprintedFinding> findings, List<ScannedText> texts)
    {
        var confidential = settings.Action == RuleAction.Fix && !issue.Confidential;
        var redact = SecretLeakRule.Redacts(settings);
        var viaApi = planner.FixMode == FixMode.Api;
        var steps = new List<Step>();

        var issueFields = new Dictionary<string, string>(StringComparer.Ordinal);
        var redactTitle = redact && texts.Any(t => t.Location.Place == SecretPlace.Title);
        var redactDescription = redact && texts.Any(t => t.Location.Place == SecretPlace.Description);
        // Confidential goes first: in the issue update when there is one anyway (GitLab records a changed title in a
        // system note, which then is confidential too), otherwise as /confidential in the note.
        var confidentialByUpdate = confidential && (viaApi || redactTitle || redactDescription);
        if (confidentialByUpdate)
        {
            issueFields["confidential"] = "true";
        }

        if (redactTitle)
        {
            issueFields["title"] = RedactedSummary(texts, SecretPlace.Title);
        }

        if (redactDescription)
        {
            issueFields["description"] = RedactedSummary(texts, SecretPlace.Description);
        }

        if (issueFields.Count > 0)
        {
            steps.Add(new Step(
                new PlannedWrite { Kind = WriteKind.RestUpdate, RestFields = issueFields, Rules = RuleIds },
                "issue update: " + string.Join(", ", issueFields.Keys))
            {
                Confidential = confidentialByUpdate,
                RedactTitle = redactTitle,
                RedactDescription = redactDescription,
            });
        }

        if (redact)
        {
            foreach (var note in texts.Where(t => t.Location.Place == SecretPlace.Note).DistinctBy(t => t.Location))
            {
                var body = SecretRedactor.Redact(note.Text, SecretScanner.Scan(note.Text, note.Location));
                steps.Add(new Step(
                    new PlannedWrite { Kind = WriteKind.NoteEdit, NoteId = note.Location.NoteId, Body = body, Rules = RuleIds },
                    $"comment {note.Location.NoteId} redacted")
                {
                    RedactedNoteBody = body,
                });
            }
        }

        // The same value twice in one place is one credential to rotate: one line, one fingerprint.
        var distinct = findings.DistinctBy(f => f.Fingerprint).ToList();
        var content = new SecretLeakNoteContent(
            distinct,
            [.. texts.Select(t => t.Author?.Username).OfType<string>().Distinct(StringComparer.Ordinal)],
            confidential,
            redact,
            issue.WebUrl);
        var commands = confidential && !confidentialByUpdate ? (IReadOnlyList<string>)["/confidential"] : [];
        steps.Add(new Step(
            new PlannedWrite { Kind = WriteKind.NoteCreate, Body = SecretLeakNote.Render(content), QuickActions = commands, Rules = RuleIds },
            "internal note " + string.Join(" ", distinct.Select(f => f.Fingerprint)) + (commands.Count > 0 ? " + /confidential" : string.Empty))
        {
            NoteContent = content,
        });
        return steps;
    }

    private async Task ExecuteAsync(IssueSnapshot issue, Step step, List<SecretLocation> notRedacted, CancellationToken cancellationToken)
    {
        var project = IdOrPath.FromId(issue.ProjectId);
        switch (step.Shown.Kind)
        {
            case WriteKind.RestUpdate:
                // Redact what the issue holds now (it may have been edited since the snapshot), not the snapshot.
                var current = step.RedactTitle || step.RedactDescription
                    ? GitLabIssueMapper.ToSnapshot(await gitLab.GetIssueAsync(project, issue.Iid, cancellationToken))
                    : issue;
                await gitLab.UpdateIssueAsync(project, issue.Iid, new IssueUpdate
                {
                    Confidential = step.Confidential ? true : null,
                    Title = step.RedactTitle ? RedactedOrNull(current.Title, SecretLocation.Title) : null,
                    Description = step.RedactDescription ? RedactedOrNull(current.Description, SecretLocation.Description) : null,
                }, cancellationToken);
                break;
            case WriteKind.NoteEdit:
                await gitLab.UpdateIssueNoteAsync(project, issue.Iid, step.Shown.NoteId!.Value, step.RedactedNoteBody!, cancellationToken);
                break;
            default:
                var text = notRedacted.Count == 0 ? step.Shown.Body! : SecretLeakNote.Render(step.NoteContent! with { NotRedacted = [.. notRedacted] });
                var body = step.Shown.QuickActions.Count == 0 ? text : text + "\n\n" + string.Join("\n", step.Shown.QuickActions);
                var created = await gitLab.CreateIssueNoteAsync(project, issue.Iid, body, isInternal: true, cancellationToken);
                if (created is not NoteCreateResult.Created)
                {
                    throw new WriteRejectedException("the internal note was not created: " + created.GetType().Name);
                }

                break;
        }
    }

    /// <summary>Fingerprints already answered: those in the bot's secret-leak notes on the issue.</summary>
    private async Task<HashSet<string>> AnsweredFingerprintsAsync(IssueSnapshot issue, ActContext context, CancellationToken cancellationToken)
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        if (issue.UserNotesCount == 0)
        {
            return answered;
        }

        await foreach (var note in gitLab.ListIssueNotesAsync(IdOrPath.FromId(issue.ProjectId), issue.Iid, cancellationToken))
        {
            if (!note.System && (context.BotUserId is null || note.Author?.Id == context.BotUserId))
            {
                answered.UnionWith(SecretLeakNote.FingerprintsOf(note.Body));
            }
        }

        return answered;
    }

    private async Task AuditAsync(IssueSnapshot issue, Step step, ActContext context, string? error, CancellationToken cancellationToken) =>
        await store.Audit.AppendAsync(
            new AuditEntry
            {
                OccurredAt = time.GetUtcNow(),
                ProjectId = issue.ProjectId,
                IssueIid = issue.Iid,
                Rules = RuleIds,
                Kind = (AuditWriteKind)(int)step.Shown.Kind,
                DryRun = context.DryRun,
                Source = context.Source,
                Outcome = error is null ? AuditOutcome.Ok : AuditOutcome.Error,
                ErrorMessage = error,
                Detail = step.Summary,
            },
            cancellationToken);

    /// <summary>Title and description, plus the notes not written by the bot (its own notes never hold a value).</summary>
    private static List<ScannedText> TextsToScan(IssueSnapshot issue, IReadOnlyList<NoteToScan> notes, long? botUserId)
    {
        var texts = new List<ScannedText>
        {
            new(issue.Title, SecretLocation.Title, issue.Author),
        };
        if (issue.Description is { } description)
        {
            texts.Add(new ScannedText(description, SecretLocation.Description, issue.Author));
        }

        foreach (var note in notes)
        {
            if (!note.IsSystem && (botUserId is null || note.Author?.Id != botUserId))
            {
                texts.Add(new ScannedText(note.Body, SecretLocation.Note(note.Id), note.Author));
            }
        }

        return texts;
    }

    private static string? RedactedOrNull(string? text, SecretLocation location)
    {
        var findings = SecretScanner.Scan(text, location);
        return findings.Count == 0 ? null : SecretRedactor.Redact(text!, findings);
    }

    /// <summary>What a report shows for a redacted title or description: how many values, not the whole text.</summary>
    private static string RedactedSummary(List<ScannedText> texts, SecretPlace place)
    {
        var count = texts.Where(t => t.Location.Place == place).DistinctBy(t => t.Location).Sum(t => SecretScanner.Scan(t.Text, t.Location).Count);
        return string.Create(CultureInfo.InvariantCulture, $"{count} value(s) replaced with {SecretRedactor.Replacement}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Found {Count} credential(s) ({Kinds}) on project {ProjectId} issue {Iid}")]
    private static partial void LogFound(ILogger logger, long projectId, long iid, int count, string kinds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Secret-leak response: wrote {Kind} on project {ProjectId} issue {Iid} ({Summary})")]
    private static partial void LogWrite(ILogger logger, WriteKind kind, long projectId, long iid, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Secret-leak response on project {ProjectId} issue {Iid} failed at {Summary}: {Error}")]
    private static partial void LogWriteFailed(ILogger logger, long projectId, long iid, string summary, string error);

    /// <summary>A text the responder scanned: where it is and who wrote it.</summary>
    private sealed record ScannedText(string Text, SecretLocation Location, UserRef? Author)
    {
        public override string ToString() => Location.ToString();
    }

    /// <summary>One write: as reports show it, plus what executing it needs.</summary>
    private sealed record Step(PlannedWrite Shown, string Summary)
    {
        public bool Confidential { get; init; }

        public bool RedactTitle { get; init; }

        public bool RedactDescription { get; init; }

        public string? RedactedNoteBody { get; init; }

        public SecretLeakNoteContent? NoteContent { get; init; }
    }
}
