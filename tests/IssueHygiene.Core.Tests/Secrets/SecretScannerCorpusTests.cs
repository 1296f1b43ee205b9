using System.Globalization;
using IssueHygiene.Core.Secrets;
using Xunit.Abstractions;

namespace IssueHygiene.Core.Tests.Secrets;

/// <summary>Precision and recall over the corpus, printed and asserted: every true positive found, no false positive.</summary>
public sealed class SecretScannerCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Scan_Corpus_FindsEveryTruePositiveAndNoFalsePositive()
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var problems = new List<string>();
        foreach (var @case in SecretCorpus.TruePositives().Concat(SecretCorpus.FalsePositives()))
        {
            var findings = SecretScanner.Scan(@case.Text, SecretLocation.Description);
            var found = findings.Select(f => (f.Kind, Value: @case.Text.Substring(f.Start, f.Length))).ToList();
            foreach (var expected in @case.Expected)
            {
                if (found.Remove(expected))
                {
                    truePositives++;
                }
                else
                {
                    falseNegatives++;
                    problems.Add($"{@case.Name}: missed {expected.Kind}");
                }
            }

            falsePositives += found.Count;
            problems.AddRange(found.Select(f => $"{@case.Name}: unexpected {f.Kind} at length {f.Value.Length}"));
        }

        var precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        var recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"secret corpus: {truePositives} true positives, {falsePositives} false positives, {falseNegatives} missed; precision {precision:P1}, recall {recall:P1}"));
        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        Assert.Empty(problems);
        Assert.Equal(1.0, precision);
        Assert.Equal(1.0, recall);
        Assert.True(truePositives >= 35, $"the corpus has {truePositives} true positives");
    }

    [Fact]
    public void Scan_EveryKindInCorpus_CoversAllKinds()
    {
        var covered = SecretCorpus.TruePositives().SelectMany(c => c.Expected).Select(e => e.Kind).ToHashSet();

        var missing = Enum.GetValues<SecretKind>().Where(k => !covered.Contains(k)).ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Scan_CorpusFromOtherSeeds_SameVerdicts(int seed)
    {
        foreach (var @case in SecretCorpus.TruePositives(seed))
        {
            var found = SecretScanner.Scan(@case.Text, SecretLocation.Description).Select(f => (f.Kind, @case.Text.Substring(f.Start, f.Length))).ToList();
            Assert.True(@case.Expected.SequenceEqual(found), $"{@case.Name}: expected {string.Join(", ", @case.Expected.Select(e => e.Kind))}; found {string.Join(", ", found.Select(f => f.Kind))}");
        }

        foreach (var @case in SecretCorpus.FalsePositives(seed))
        {
            var found = SecretScanner.Scan(@case.Text, SecretLocation.Description);
            Assert.True(found.Count == 0, $"{@case.Name}: found {string.Join(", ", found.Select(f => f.Kind))}");
        }
    }
}
