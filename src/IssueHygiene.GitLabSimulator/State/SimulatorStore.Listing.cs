using IssueHygiene.GitLabSimulator.Model;

namespace IssueHygiene.GitLabSimulator.State;

/// <summary>
/// Issue lists. Each (scope, order) keeps a sorted index, built on first use and rebuilt only when
/// an issue is created (or retitled, for title order); an edit moves the one issue within the
/// updated_at indexes. So paging through 100,000 issues costs one linear filter pass per page
/// and no sort, even while a sweep writes between pages.
/// </summary>
internal sealed partial class SimulatorStore
{
    private static readonly Comparer<SimIssue> ByUpdatedAt = Comparer<SimIssue>.Create(
        (a, b) => a.UpdatedAt.UtcTicks.CompareTo(b.UpdatedAt.UtcTicks) is var c && c != 0 ? c : a.Id.CompareTo(b.Id));

    private readonly Dictionary<(string Scope, IssueOrder Order), SortedIndex> _sortedIndex = [];
    private const int MaxOffsetResumes = 64;
    private readonly Dictionary<(string Key, long Matched), OffsetResume> _offsetResume = [];

    /// <summary>Bumped when an issue's title changes (title order changes).</summary>
    public long TitleVersion { get; private set; }

    public void TitleChanged() => TitleVersion++;

    /// <summary>Marks an issue as changed now, moving it within the updated_at indexes instead of invalidating them.</summary>
    public void Touch(SimIssue issue, DateTimeOffset at)
    {
        var previous = UpdateVersion;
        UpdateVersion++;
        var moved = new List<SortedIndex>();
        foreach (var ((_, order), index) in _sortedIndex)
        {
            if (order != IssueOrder.UpdatedAt || index.Version != previous)
            {
                continue;
            }

            if (!index.ProjectIds.Contains(issue.Project.Id))
            {
                index.Version = UpdateVersion;
                continue;
            }

            var position = index.Items.BinarySearch(issue, ByUpdatedAt);
            if (position >= 0)
            {
                index.Items.RemoveAt(position);
                moved.Add(index);
            }
        }

        issue.UpdatedAt = at;
        foreach (var index in moved)
        {
            var position = index.Items.BinarySearch(issue, ByUpdatedAt);
            index.Items.Insert(position < 0 ? ~position : position, issue);
            index.Version = UpdateVersion;
        }
    }

    /// <summary>
    /// One offset page. Like GitLab, counting stops once the total is known to exceed
    /// <paramref name="countLimit"/> and the page is full: <c>Total</c> is then a lower bound
    /// (<c>Exact</c> false), still enough to say there is a next page.
    /// <c>resumeKey</c> names the query apart from its page (viewer, scope, filters, order): when an earlier offset page
    /// of the same query ended where this one starts and nothing changed since, the walk resumes there instead of
    /// skipping the earlier pages' issues again. Same answer, but paging through 1,000,000 issues costs one pass
    /// instead of one per page. Null: always walk from the start.
    /// </summary>
    public (List<SimIssue> Items, int Total, bool Exact) ListIssues(IssueQuery query, string scopeKey, int page, int perPage, int countLimit, string? resumeKey = null)
    {
        var predicate = BuildPredicate(query);
        var sorted = Sorted(scopeKey, query);
        var skip = (long)(page - 1) * perPage;
        var stopAt = Math.Max(skip + perPage + 1, countLimit + 1L);
        var items = new List<SimIssue>(perPage);
        var state = (UpdateVersion, CreationVersion, TitleVersion, Mutations, DateOnly.FromDateTime(Now.UtcDateTime));
        var step = query.Ascending ? 1 : -1;
        var position = query.Ascending ? 0 : sorted.Count - 1;
        var total = 0;
        if (resumeKey is not null && skip > 0 && _offsetResume.TryGetValue((resumeKey, skip), out var resume)
            && ReferenceEquals(resume.Sorted, sorted) && resume.State == state)
        {
            position = resume.Position;
            total = (int)skip;
        }

        OffsetResume? next = null;
        for (; position >= 0 && position < sorted.Count; position += step)
        {
            var issue = sorted[position];
            if (!predicate(issue))
            {
                continue;
            }

            if (total >= skip && items.Count < perPage)
            {
                items.Add(issue);
                if (items.Count == perPage && resumeKey is not null)
                {
                    // The next page starts right after this issue, with skip + perPage issues matched before it.
                    next = new OffsetResume(resumeKey, sorted, state, position + step, skip + perPage);
                }
            }

            total++;
            if (total >= stopAt)
            {
                Remember(next);
                return (items, total, false);
            }
        }

        Remember(next);
        return (items, total, true);
    }

    private void Remember(OffsetResume? next)
    {
        if (next is null)
        {
            return;
        }

        // A few walks at once (pages read ahead, several clients); a stale one is never resumed, so just bound them.
        if (_offsetResume.Count >= MaxOffsetResumes)
        {
            _offsetResume.Clear();
        }

        _offsetResume[(next.Key, next.Matched)] = next;
    }

    /// <summary>Keyset page: the issues strictly after <paramref name="cursor"/> in the requested order.</summary>
    public (List<SimIssue> Items, KeysetCursor? Next) ListIssuesKeyset(IssueQuery query, string scopeKey, KeysetCursor? cursor, int perPage)
    {
        var predicate = BuildPredicate(query);
        var sorted = Sorted(scopeKey, query);
        var start = cursor is null ? (query.Ascending ? 0 : sorted.Count - 1) : StartAfter(sorted, query, cursor);
        var items = new List<SimIssue>(perPage);
        var step = query.Ascending ? 1 : -1;
        var i = start;
        for (; i >= 0 && i < sorted.Count; i += step)
        {
            if (!predicate(sorted[i]))
            {
                continue;
            }

            if (items.Count == perPage)
            {
                var last = items[^1];
                return (items, new KeysetCursor(KeyOf(last, query.OrderBy), last.Id));
            }

            items.Add(sorted[i]);
        }

        return (items, null);
    }

    private static int StartAfter(List<SimIssue> sorted, IssueQuery query, KeysetCursor cursor)
    {
        // First index whose (key, id) is greater than the cursor, by binary search on the ascending array.
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            var key = KeyOf(sorted[mid], query.OrderBy);
            var greater = key > cursor.Key || (key == cursor.Key && sorted[mid].Id > cursor.Id);
            if (greater)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        if (query.Ascending)
        {
            return lo;
        }

        // Descending: the last index whose (key, id) is smaller than the cursor.
        var index = lo - 1;
        while (index >= 0 && KeyOf(sorted[index], query.OrderBy) == cursor.Key && sorted[index].Id == cursor.Id)
        {
            index--;
        }

        return index;
    }

    public static long KeyOf(SimIssue issue, IssueOrder order) => order switch
    {
        IssueOrder.UpdatedAt => issue.UpdatedAt.UtcTicks,
        IssueOrder.Id => issue.Id,
        _ => issue.CreatedAt.UtcTicks,
    };

    private List<SimIssue> Sorted(string scopeKey, IssueQuery query)
    {
        var version = query.OrderBy switch
        {
            IssueOrder.UpdatedAt => UpdateVersion,
            IssueOrder.Title => CreationVersion + TitleVersion,
            _ => CreationVersion,
        };
        if (_sortedIndex.TryGetValue((scopeKey, query.OrderBy), out var cached) && cached.Version == version)
        {
            return cached.Items;
        }

        var issues = query.ProjectIds.SelectMany(id => Projects[id].Issues).ToList();
        Comparison<SimIssue> comparison = query.OrderBy == IssueOrder.Title
            ? (a, b) => string.CompareOrdinal(a.Title, b.Title) is var c && c != 0 ? c : a.Id.CompareTo(b.Id)
            : (a, b) => KeyOf(a, query.OrderBy).CompareTo(KeyOf(b, query.OrderBy)) is var c && c != 0 ? c : a.Id.CompareTo(b.Id);
        issues.Sort(comparison);
        _sortedIndex[(scopeKey, query.OrderBy)] = new SortedIndex(query.ProjectIds.ToHashSet(), issues) { Version = version };
        return issues;
    }

    /// <summary>Where the last full offset page of a query ended: its walk position and the issues matched so far.</summary>
    private sealed record OffsetResume(string Key, List<SimIssue> Sorted, (long, long, long, long, DateOnly) State, int Position, long Matched);

    private sealed class SortedIndex(HashSet<long> projectIds, List<SimIssue> items)
    {
        public HashSet<long> ProjectIds { get; } = projectIds;
        public List<SimIssue> Items { get; } = items;
        public long Version { get; set; }
    }

    private Func<SimIssue, bool> BuildPredicate(IssueQuery q)
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var milestoneIds = q.MilestoneMode switch
        {
            FilterMode.Upcoming => UpcomingMilestoneIds(q.ProjectIds, today),
            FilterMode.Started => Milestones.Values.Where(m => m.State == "active" && m.StartDate <= today).Select(m => m.Id).ToHashSet(),
            FilterMode.Value => Milestones.Values.Where(m => m.Title == q.MilestoneTitle).Select(m => m.Id).ToHashSet(),
            _ => null,
        };
        var search = q.Search;
        // Titles resolved to label ids once per query: a title may name a group label and a
        // project label at the same time, so each wanted title is a set of ids.
        var wanted = q.LabelsMode == FilterMode.Value
            ? q.Labels.Select(LabelIdsTitled).ToArray()
            : [];
        var unwanted = q.NotLabels.SelectMany(LabelIdsTitled).ToHashSet();

        return issue =>
        {
            if (q.Opened is { } opened && issue.IsOpen != opened)
            {
                return false;
            }

            if (q.Confidential is { } confidential && issue.Confidential != confidential)
            {
                return false;
            }

            if (q.UpdatedAfter is { } ua && issue.UpdatedAt < ua)
            {
                return false;
            }

            if (q.UpdatedBefore is { } ub && issue.UpdatedAt > ub)
            {
                return false;
            }

            if (q.CreatedAfter is { } ca && issue.CreatedAt < ca)
            {
                return false;
            }

            if (q.CreatedBefore is { } cb && issue.CreatedAt > cb)
            {
                return false;
            }

            if (q.Iids is { } iids && !iids.Contains(issue.Iid))
            {
                return false;
            }

            if (q.AuthorId is { } author && issue.AuthorId != author)
            {
                return false;
            }

            switch (q.MilestoneMode)
            {
                case FilterMode.None when issue.MilestoneId is not null:
                case FilterMode.Any when issue.MilestoneId is null:
                    return false;
                case FilterMode.Upcoming or FilterMode.Started or FilterMode.Value
                    when issue.MilestoneId is not { } mid || !milestoneIds!.Contains(mid):
                    return false;
            }

            switch (q.AssigneeMode)
            {
                case FilterMode.None when issue.AssigneeIds.Count > 0:
                case FilterMode.Any when issue.AssigneeIds.Count == 0:
                case FilterMode.Value when !issue.AssigneeIds.Contains(q.AssigneeId ?? 0):
                    return false;
            }

            if ((q.LabelsMode != FilterMode.Unset || unwanted.Count > 0) && !LabelsMatch(issue, q.LabelsMode, wanted, unwanted))
            {
                return false;
            }

            if (search is not null
                && !issue.Title.Contains(search, StringComparison.OrdinalIgnoreCase)
                && !(issue.Description?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return false;
            }

            return CanSee(q.Viewer, issue);
        };
    }

    private HashSet<long> LabelIdsTitled(string title) =>
        Labels.Values.Where(l => l.Title == title).Select(l => l.Id).ToHashSet();

    private static bool LabelsMatch(SimIssue issue, FilterMode mode, HashSet<long>[] wanted, HashSet<long> unwanted)
    {
        var labels = issue.LabelIds;
        switch (mode)
        {
            case FilterMode.None when labels.Count > 0:
            case FilterMode.Any when labels.Count == 0:
                return false;
        }

        foreach (var ids in wanted)
        {
            if (!CarriesAny(labels, ids))
            {
                return false;
            }
        }

        // not[labels]: the issue carries none of them.
        return !CarriesAny(labels, unwanted);
    }

    private static bool CarriesAny(List<long> labels, HashSet<long> ids)
    {
        foreach (var id in labels)
        {
            if (ids.Contains(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>GitLab's "Upcoming": per project or group, the active milestone with the nearest future due date.</summary>
    private HashSet<long> UpcomingMilestoneIds(IReadOnlySet<long> projectIds, DateOnly today)
    {
        var available = projectIds.SelectMany(id => AvailableMilestones(Projects[id])).Distinct();
        return available
            .Where(m => m.State == "active" && m.DueDate > today)
            .GroupBy(m => (m.GroupId, m.ProjectId))
            .Select(g => g.MinBy(m => m.DueDate)!.Id)
            .ToHashSet();
    }
}
