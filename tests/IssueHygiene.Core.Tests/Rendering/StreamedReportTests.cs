using System.Text;
using System.Text.Json;
using IssueHygiene.Core.Evaluation;
using IssueHygiene.Core.Reporting;

namespace IssueHygiene.Core.Tests.Rendering;

/// <summary>Large JSON and JUnit reports reach their file in pieces as they are rendered, never as one buffer.</summary>
public sealed class StreamedReportTests
{
    private const int Issues = 2_000;
    private static readonly Evaluator Evaluator = new(TestData.Handbook);

    [Fact]
    public void JsonReport_WrittenToAStream_ArrivesInPiecesAndEqualsTheRenderedText()
    {
        var written = WrittenInPieces(JsonReportRenderer.WriteReport, JsonReportRenderer.RenderReport);

        using var json = JsonDocument.Parse(written);
        Assert.Equal(Issues, json.RootElement.GetProperty("issues").GetArrayLength());
    }

    [Fact]
    public void JUnitReport_WrittenToAStream_ArrivesInPiecesAndEqualsTheRenderedText()
    {
        var written = WrittenInPieces(JUnitReportRenderer.Write, JUnitReportRenderer.Render);

        Assert.Equal(Issues, System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(written)).Descendants("testcase").Count());
    }

    /// <summary>Writes a large report to a stream; checks it came in bounded pieces and is exactly the rendered text.</summary>
    private static byte[] WrittenInPieces(Action<Stream, HygieneReport> write, Func<HygieneReport, string> render)
    {
        var report = LargeReport();
        var stream = new RecordingStream();

        write(stream, report);

        var written = stream.ToArray();
        Assert.Equal(render(report), new UTF8Encoding(false).GetString(written));
        Assert.True(written.Length > 1_000_000, $"the sample report is only {written.Length} bytes");
        Assert.True(stream.Writes >= 10, $"{stream.Writes} writes");
        Assert.True(stream.LargestWrite <= 256 * 1024, $"one write of {stream.LargestWrite} bytes");
        return written;
    }

    private static HygieneReport LargeReport()
    {
        var report = new HygieneReport { DryRun = true };
        var body = "<!-- issue-hygiene:lint -->\n" + new string('x', 600);
        for (var iid = 1; iid <= Issues; iid++)
        {
            var issue = TestData.With(["Extract"]) with { Iid = iid, WebUrl = $"https://gitlab.example.com/meltano/meltano/-/issues/{iid}" };
            report.Add(Evaluator.Evaluate(issue, TestData.Now),
                [new PlannedWrite { Kind = WriteKind.NoteCreate, Body = body, QuickActions = ["/milestone %\"Backlog\""], Rules = ["milestone-required"] }]);
        }

        return report;
    }

    /// <summary>A memory stream that counts how its content arrived.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public int LargestWrite { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Record(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Record(buffer.Length);
            base.Write(buffer);
        }

        private void Record(int count)
        {
            Writes++;
            LargestWrite = Math.Max(LargestWrite, count);
        }
    }
}
