using IssueHygiene.Core.Actuation;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Rendering;

namespace IssueHygiene.Core.Tests.Rendering;

/// <summary>Waivers recorded in the sticky note read back exactly, whatever the user typed, so the CI report honours them.</summary>
public sealed class WaiverMarkerTests
{
    [Fact]
    public void NoteWithWaivers_ReadsThemBack_HostileTextIncluded()
    {
        RuleWaiver[] waivers = [new("type-label", new DateOnly(2026, 12, 31), "vendor --> @all #1 %\"x\" ~y\n/close", "douwe"), new("stage-label", null, "", "taylor")];
        var verdict = new Evaluator(TestData.Handbook).Evaluate(TestData.With(["Extract"]), TestData.Now) with { Waivers = waivers };
        var body = new LintNoteRenderer(TestData.Handbook).Render(verdict).Body;

        var note = ExistingNote.FromBody(1, body);

        Assert.Equal(waivers, note.Waivers);
        var marker = WaiverMarker.For(waivers[0]);
        Assert.Equal(marker.Length - 3, marker.IndexOf("-->", StringComparison.Ordinal));
        Assert.DoesNotContain(marker, c => c is '@' or '#' or '%' or '~' or '\n' or '"');
        Assert.Empty(WaiverMarker.Parse("<!-- issue-hygiene:waiver rule=bx until=soon by=b reason=b -->"));
    }
}
