namespace IssueHygiene.Core.Labels;

/// <summary>Finds the known name a misspelt one most likely meant (<c>flow::doing</c> → <c>flow::Doing</c>).</summary>
public static class LabelResemblance
{
    /// <summary>
    /// The closest candidate by case- and space-insensitive edit distance, if it is close enough to be a plausible
    /// typo (at most a third of the longer name's length, and at most 3 edits); otherwise null.
    /// </summary>
    public static string? ClosestTo(string value, IEnumerable<string> candidates)
    {
        var normalized = Normalize(value);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var other = Normalize(candidate);
            var distance = Distance(normalized, other);
            var limit = Math.Min(3, Math.Max(normalized.Length, other.Length) / 3);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static string Normalize(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c != '-' && c != '_').Select(char.ToLowerInvariant).ToArray());

    /// <summary>Levenshtein distance; names are short, so the two-row version is plenty.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
