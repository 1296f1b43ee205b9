using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IssueHygiene.GitLab.Diagnostics;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Errors;
using IssueHygiene.GitLab.Http;
using IssueHygiene.GitLab.Json;
using IssueHygiene.GitLab.Pagination;
using IssueHygiene.GitLab.Requests;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;

namespace IssueHygiene.GitLab;

/// <summary>
/// The typed GitLab REST client. Its <see cref="HttpClient"/> must carry the GitLab handlers (retry,
/// timeout, shared rate limiter, counters): the DI registration
/// (<see cref="DependencyInjection.GitLabServiceCollectionExtensions.AddGitLabClient"/>) and
/// <see cref="Create"/> both set them up.
/// </summary>
public sealed partial class GitLabClient : IGitLabClient, IDisposable
{
    private const int BodyExcerptLength = 300;
    private static readonly MediaTypeWithQualityHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly GitLabOptions _options;
    private readonly string _token;
    private readonly Uri _apiRoot;
    private readonly ILogger _logger;

    /// <summary>For DI: <paramref name="httpClient"/> comes from the factory with the GitLab handlers.</summary>
    public GitLabClient(HttpClient httpClient, GitLabOptions options, ILogger<GitLabClient> logger)
        : this(httpClient, ownsHttpClient: false, options, logger)
    {
    }

    private GitLabClient(HttpClient httpClient, bool ownsHttpClient, GitLabOptions options, ILogger logger)
    {
        GitLabOptionsValidator.ThrowIfInvalid(options);
        _http = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _options = options;
        _token = options.ResolveToken();
        _apiRoot = options.ApiRoot;
        _logger = logger;
    }

    /// <summary>
    /// A client with its own handler chain (retry + timeout → shared limiter and counters → network), for
    /// tests, the CLI and benchmarks. Pass the process-wide <paramref name="rateLimiter"/> and
    /// <paramref name="statistics"/>; <paramref name="primaryHandler"/> replaces the network handler.
    /// </summary>
    public static GitLabClient Create(
        GitLabOptions options,
        GitLabRateLimiter rateLimiter,
        GitLabCallStatistics statistics,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory = null,
        HttpMessageHandler? primaryHandler = null)
    {
        GitLabOptionsValidator.ThrowIfInvalid(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<GitLabClient>();

        var pipelineBuilder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        GitLabResilience.Configure(pipelineBuilder, options, logger);
        var transport = new GitLabTransportHandler(rateLimiter, statistics, options, timeProvider, logger)
        {
            InnerHandler = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
#pragma warning disable CA2000 // The handler chain is owned and disposed by the HttpClient, which the client owns.
        var resilience = new ResilienceHandler(pipelineBuilder.Build()) { InnerHandler = transport };
#pragma warning restore CA2000
        var http = new HttpClient(resilience, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new GitLabClient(http, ownsHttpClient: true, options, logger);
    }

    public EventUuidEchoScope EchoEventUuid(string eventUuid) => new(eventUuid);

    public Task<GitLabUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        GetAsync(Api("user"), "GET /user", "the current user", GitLabJsonContext.Default.GitLabUser, cancellationToken);

    public Task<GitLabProject> GetProjectAsync(IdOrPath project, CancellationToken cancellationToken = default) =>
        GetAsync(Api($"projects/{project.ToUrlSegment()}"), "GET /projects/:id", ProjectName(project), GitLabJsonContext.Default.GitLabProject, cancellationToken);

    public Task<GitLabGroup> GetGroupAsync(IdOrPath group, CancellationToken cancellationToken = default) =>
        GetAsync(Api($"groups/{group.ToUrlSegment()}"), "GET /groups/:id", GroupName(group), GitLabJsonContext.Default.GitLabGroup, cancellationToken);

    public IAsyncEnumerable<GitLabProject> ListGroupProjectsAsync(IdOrPath group, bool includeSubgroups = true, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            OffsetList(Api($"groups/{group.ToUrlSegment()}/projects", ("include_subgroups", Bool(includeSubgroups)), ("archived", "false"), ("order_by", "id"), ("sort", "asc")),
                "GET /groups/:id/projects", $"projects of {GroupName(group)}"),
            GitLabJsonContext.Default.ListGitLabProject,
            cancellationToken);

    public IAsyncEnumerable<GitLabIssue> ListProjectIssuesAsync(IdOrPath project, IssueQuery query, CancellationToken cancellationToken = default)
    {
        var keyset = query.Pagination == IssuePaginationMode.Keyset;
        var filters = IssueFilters(query);
        if (keyset)
        {
            filters.AddRange([("pagination", "keyset"), ("order_by", "id"), ("sort", "asc")]);
        }

        var request = new PageRequest(
            Api($"projects/{project.ToUrlSegment()}/issues", [.. filters]),
            "GET /projects/:id/issues",
            $"issues of {ProjectName(project)}",
            Offset: !keyset,
            MaxConcurrency: keyset ? 1 : query.MaxConcurrency ?? _options.MaxPageConcurrency);
        return PaginateAsync(request, GitLabJsonContext.Default.ListGitLabIssue, cancellationToken);
    }

    public IAsyncEnumerable<GitLabIssue> ListGroupIssuesAsync(IdOrPath group, IssueQuery query, CancellationToken cancellationToken = default)
    {
        var request = new PageRequest(
            Api($"groups/{group.ToUrlSegment()}/issues", [.. IssueFilters(query)]),
            "GET /groups/:id/issues",
            $"issues of {GroupName(group)}",
            Offset: true,
            MaxConcurrency: query.MaxConcurrency ?? _options.MaxPageConcurrency);
        return PaginateAsync(request, GitLabJsonContext.Default.ListGitLabIssue, cancellationToken);
    }

    public Task<GitLabIssue> GetIssueAsync(IdOrPath project, long issueIid, CancellationToken cancellationToken = default) =>
        GetAsync(Api($"projects/{project.ToUrlSegment()}/issues/{Number(issueIid)}"), "GET /projects/:id/issues/:iid",
            IssueName(project, issueIid), GitLabJsonContext.Default.GitLabIssue, cancellationToken);

    public Task<GitLabIssue> CreateIssueAsync(IdOrPath project, IssueCreate issue, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, Api($"projects/{project.ToUrlSegment()}/issues"), "POST /projects/:id/issues", $"a new issue in {ProjectName(project)}",
            Json(new IssueCreateBody(issue.Title, issue.Description, issue.Labels.Count > 0 ? JoinLabels(issue.Labels) : null), GitLabRequestJsonContext.Default.IssueCreateBody),
            GitLabJsonContext.Default.GitLabIssue, cancellationToken);

    public Task<GitLabIssue> UpdateIssueAsync(IdOrPath project, long issueIid, IssueUpdate update, CancellationToken cancellationToken = default)
    {
        var body = new IssueUpdateBody(
            JoinLabels(update.AddLabels),
            JoinLabels(update.RemoveLabels),
            update.MilestoneId,
            update.AssigneeIds,
            update.Confidential,
            update.Title,
            update.Description);
        return SendJsonAsync(HttpMethod.Put, Api($"projects/{project.ToUrlSegment()}/issues/{Number(issueIid)}"), "PUT /projects/:id/issues/:iid",
            IssueName(project, issueIid), Json(body, GitLabRequestJsonContext.Default.IssueUpdateBody), GitLabJsonContext.Default.GitLabIssue, cancellationToken);
    }

    public IAsyncEnumerable<GitLabNote> ListIssueNotesAsync(IdOrPath project, long issueIid, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            OffsetList(Api($"projects/{project.ToUrlSegment()}/issues/{Number(issueIid)}/notes", ("sort", "asc"), ("order_by", "created_at")),
                "GET /projects/:id/issues/:iid/notes", $"notes of {IssueName(project, issueIid)}"),
            GitLabJsonContext.Default.ListGitLabNote,
            cancellationToken);

    public Task<GitLabNote> GetIssueNoteAsync(IdOrPath project, long issueIid, long noteId, CancellationToken cancellationToken = default) =>
        GetAsync(Api($"projects/{project.ToUrlSegment()}/issues/{Number(issueIid)}/notes/{Number(noteId)}"), "GET /projects/:id/issues/:iid/notes/:note_id",
            $"note {Number(noteId)} of {IssueName(project, issueIid)}", GitLabJsonContext.Default.GitLabNote, cancellationToken);

    public Task<NoteCreateResult> CreateIssueNoteAsync(IdOrPath project, long issueIid, string body, bool isInternal = false, CancellationToken cancellationToken = default) =>
        CreateNoteAsync(Api($"projects/{project.ToUrlSegment()}/issues/{Number(issueIid)}/notes"), "POST /projects/:id/issues/:iid/notes",
            IssueName(project, issueIid), body, isInternal, cancellationToken);

    /// <summary>Creates a note on an issue or a merge request: GitLab answers both the same way.</summary>
    private async Task<NoteCreateResult> CreateNoteAsync(Uri url, string endpoint, string resource, string body, bool isInternal, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var content = Json(new NoteBody(body, isInternal ? true : null), GitLabRequestJsonContext.Default.NoteBody);
        using var response = await SendAsync(HttpMethod.Post, url, endpoint, resource, content, noteCreation: true, cancellationToken);

        switch (response.StatusCode)
        {
            case HttpStatusCode.Created or HttpStatusCode.OK:
                return new NoteCreateResult.Created(await ReadJsonAsync(response, GitLabJsonContext.Default.GitLabNote, endpoint, resource, cancellationToken));
            case HttpStatusCode.Accepted:
                var commands = await ReadJsonAsync(response, GitLabJsonContext.Default.GitLabNoteCommands, endpoint, resource, cancellationToken);
                // GitLab answers 202, not 400, when every command was one the user may not run here: nothing
                // changed and each summary line says "Could not apply NAME command." (CommandDefinition#execute_message;
                // Notes::QuickActionsStatus fails only a note whose commands said nothing). That is a failure.
                if (commands.CommandsChanges.Count == 0 && commands.Summary.Count > 0
                    && commands.Summary.All(m => m.StartsWith("Could not apply", StringComparison.OrdinalIgnoreCase)))
                {
                    return new NoteCreateResult.CommandsFailed(string.Join(" ", commands.Summary));
                }

                return new NoteCreateResult.CommandsOnly(commands.CommandsChanges, commands.Summary);
            case HttpStatusCode.BadRequest:
                // GitLab answers 400 both for failed quick actions and for a bad request; only the former is expected.
                var message = await ErrorMessageAsync(response, cancellationToken);
                if (message is not null && message.Contains("command", StringComparison.OrdinalIgnoreCase))
                {
                    return new NoteCreateResult.CommandsFailed(message);
                }

                break;
        }

        await EnsureSuccessAsync(response, endpoint, resource, cancellationToken);
        throw new GitLabApiException(response.StatusCode, endpoint, resource, "unexpected success status for a note creation");
    }

    public Task<GitLabNote> UpdateIssueNoteAsync(IdOrPath project, long issueIid, long noteId, string body, CancellationToken cancellationToken = default) =>
        UpdateNoteAsync(Api($"projects/{project.ToUrlSegment()}/issues/{Number(issueIid)}/notes/{Number(noteId)}"),
            "PUT /projects/:id/issues/:iid/notes/:note_id", $"note {noteId} of {IssueName(project, issueIid)}", body, cancellationToken);

    public Task DeleteIssueNoteAsync(IdOrPath project, long issueIid, long noteId, CancellationToken cancellationToken = default) =>
        DeleteNoteAsync(Api($"projects/{project.ToUrlSegment()}/issues/{Number(issueIid)}/notes/{Number(noteId)}"),
            "DELETE /projects/:id/issues/:iid/notes/:note_id", $"note {noteId} of {IssueName(project, issueIid)}", cancellationToken);

    /// <summary>Edits a note of an issue or a merge request (the same request for both).</summary>
    private Task<GitLabNote> UpdateNoteAsync(Uri url, string endpoint, string resource, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        return SendJsonAsync(HttpMethod.Put, url, endpoint, resource,
            Json(new NoteBody(body, null), GitLabRequestJsonContext.Default.NoteBody), GitLabJsonContext.Default.GitLabNote, cancellationToken);
    }

    /// <summary>Deletes a note of an issue or a merge request.</summary>
    private async Task DeleteNoteAsync(Uri url, string endpoint, string resource, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, url, endpoint, resource, content: null, noteCreation: false, cancellationToken);
        await EnsureSuccessAsync(response, endpoint, resource, cancellationToken);
    }

    public IAsyncEnumerable<GitLabMilestone> ListProjectMilestonesAsync(IdOrPath project, bool includeAncestors = true, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            OffsetList(Api($"projects/{project.ToUrlSegment()}/milestones", ("include_ancestors", Bool(includeAncestors))),
                "GET /projects/:id/milestones", $"milestones of {ProjectName(project)}"),
            GitLabJsonContext.Default.ListGitLabMilestone,
            cancellationToken);

    public IAsyncEnumerable<GitLabMilestone> ListGroupMilestonesAsync(IdOrPath group, bool includeAncestors = true, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            OffsetList(Api($"groups/{group.ToUrlSegment()}/milestones", ("include_ancestors", Bool(includeAncestors))),
                "GET /groups/:id/milestones", $"milestones of {GroupName(group)}"),
            GitLabJsonContext.Default.ListGitLabMilestone,
            cancellationToken);

    public Task<GitLabMilestone> CreateGroupMilestoneAsync(IdOrPath group, MilestoneCreate milestone, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, Api($"groups/{group.ToUrlSegment()}/milestones"), "POST /groups/:id/milestones",
            $"milestone '{milestone.Title}' of {GroupName(group)}",
            Json(new MilestoneCreateBody(milestone.Title, milestone.Description, milestone.DueDate, milestone.StartDate), GitLabRequestJsonContext.Default.MilestoneCreateBody),
            GitLabJsonContext.Default.GitLabMilestone, cancellationToken);

    public IAsyncEnumerable<GitLabLabel> ListProjectLabelsAsync(IdOrPath project, bool includeAncestorGroups = true, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            OffsetList(Api($"projects/{project.ToUrlSegment()}/labels", ("include_ancestor_groups", Bool(includeAncestorGroups))),
                "GET /projects/:id/labels", $"labels of {ProjectName(project)}"),
            GitLabJsonContext.Default.ListGitLabLabel,
            cancellationToken);

    public IAsyncEnumerable<GitLabLabel> ListGroupLabelsAsync(IdOrPath group, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            OffsetList(Api($"groups/{group.ToUrlSegment()}/labels"), "GET /groups/:id/labels", $"labels of {GroupName(group)}"),
            GitLabJsonContext.Default.ListGitLabLabel,
            cancellationToken);

    public Task<GitLabLabel> CreateProjectLabelAsync(IdOrPath project, LabelCreate label, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, Api($"projects/{project.ToUrlSegment()}/labels"), "POST /projects/:id/labels",
            $"label '{label.Name}' of {ProjectName(project)}", LabelCreateJson(label), GitLabJsonContext.Default.GitLabLabel, cancellationToken);

    public Task<GitLabLabel> CreateGroupLabelAsync(IdOrPath group, LabelCreate label, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, Api($"groups/{group.ToUrlSegment()}/labels"), "POST /groups/:id/labels",
            $"label '{label.Name}' of {GroupName(group)}", LabelCreateJson(label), GitLabJsonContext.Default.GitLabLabel, cancellationToken);

    public Task<GitLabLabel> UpdateProjectLabelAsync(IdOrPath project, string labelIdOrName, LabelUpdate update, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, Api($"projects/{project.ToUrlSegment()}/labels/{Uri.EscapeDataString(labelIdOrName)}"), "PUT /projects/:id/labels/:label_id",
            $"label '{labelIdOrName}' of {ProjectName(project)}", LabelUpdateJson(update), GitLabJsonContext.Default.GitLabLabel, cancellationToken);

    public Task<GitLabLabel> UpdateGroupLabelAsync(IdOrPath group, string labelIdOrName, LabelUpdate update, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, Api($"groups/{group.ToUrlSegment()}/labels/{Uri.EscapeDataString(labelIdOrName)}"), "PUT /groups/:id/labels/:label_id",
            $"label '{labelIdOrName}' of {GroupName(group)}", LabelUpdateJson(update), GitLabJsonContext.Default.GitLabLabel, cancellationToken);

    public async Task<GitLabAccessLevel> GetEffectiveAccessLevelAsync(IdOrPath project, long userId, CancellationToken cancellationToken = default)
    {
        const string endpoint = "GET /projects/:id/members/all/:user_id";
        var resource = $"member {userId} of {ProjectName(project)}";
        using var response = await SendAsync(HttpMethod.Get, Api($"projects/{project.ToUrlSegment()}/members/all/{Number(userId)}"),
            endpoint, resource, content: null, noteCreation: false, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return GitLabAccessLevel.None;
        }

        await EnsureSuccessAsync(response, endpoint, resource, cancellationToken);
        var member = await ReadJsonAsync(response, GitLabJsonContext.Default.GitLabMember, endpoint, resource, cancellationToken);
        return (GitLabAccessLevel)member.AccessLevel;
    }

    public async Task<GitLabAccessLevel> GetGroupEffectiveAccessLevelAsync(IdOrPath group, long userId, CancellationToken cancellationToken = default)
    {
        const string endpoint = "GET /groups/:id/members/all/:user_id";
        var resource = $"member {userId} of {GroupName(group)}";
        using var response = await SendAsync(HttpMethod.Get, Api($"groups/{group.ToUrlSegment()}/members/all/{Number(userId)}"),
            endpoint, resource, content: null, noteCreation: false, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return GitLabAccessLevel.None;
        }

        await EnsureSuccessAsync(response, endpoint, resource, cancellationToken);
        var member = await ReadJsonAsync(response, GitLabJsonContext.Default.GitLabMember, endpoint, resource, cancellationToken);
        return (GitLabAccessLevel)member.AccessLevel;
    }

    public IAsyncEnumerable<GitLabHook> ListProjectHooksAsync(IdOrPath project, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            OffsetList(Api($"projects/{project.ToUrlSegment()}/hooks"), "GET /projects/:id/hooks", $"webhooks of {ProjectName(project)}"),
            GitLabJsonContext.Default.ListGitLabHook,
            cancellationToken);

    public Task<GitLabHook> CreateProjectHookAsync(IdOrPath project, ProjectHookCreate hook, CancellationToken cancellationToken = default)
    {
        var body = new ProjectHookCreateBody(hook.Url, hook.Token, hook.IssuesEvents, hook.ConfidentialIssuesEvents, hook.NoteEvents,
            hook.ConfidentialNoteEvents, hook.EnableSslVerification, PushEvents: false, hook.MergeRequestsEvents);
        return SendJsonAsync(HttpMethod.Post, Api($"projects/{project.ToUrlSegment()}/hooks"), "POST /projects/:id/hooks",
            $"webhooks of {ProjectName(project)}", Json(body, GitLabRequestJsonContext.Default.ProjectHookCreateBody), GitLabJsonContext.Default.GitLabHook, cancellationToken);
    }

    public IAsyncEnumerable<GitLabHook> ListGroupHooksAsync(IdOrPath group, CancellationToken cancellationToken = default) =>
        PaginateAsync(
            OffsetList(Api($"groups/{group.ToUrlSegment()}/hooks"), "GET /groups/:id/hooks", $"webhooks of {GroupName(group)}"),
            GitLabJsonContext.Default.ListGitLabHook,
            cancellationToken);

    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    // ---- pagination -------------------------------------------------------------------------------

    private async IAsyncEnumerable<T> PaginateAsync<T>(PageRequest request, JsonTypeInfo<List<T>> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await FetchPageAsync(request, request.FirstPage, typeInfo, cancellationToken);
        foreach (var item in page.Items)
        {
            yield return item;
        }

        if (request.Offset && request.MaxConcurrency > 1 && page.Links.TotalPages is int totalPages
            && totalPages > 2 && PageLinks.PageOf(request.FirstPage) == 1 && page.Links.Next is not null)
        {
            var last = page;
            await foreach (var fetched in FetchPagesConcurrentlyAsync(request, 2, totalPages, typeInfo, cancellationToken))
            {
                foreach (var item in fetched.Items)
                {
                    yield return item;
                }

                last = fetched;
            }

            page = last;
        }

        var next = page.Links.Next;
        while (next is not null)
        {
            page = await FetchPageAsync(request, next, typeInfo, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            next = page.Links.Next;
        }
    }

    // Fetches pages first..last with at most MaxConcurrency in flight and hands them back in order.
    // A failed page fails the whole enumeration (the rest are cancelled): never a silently short list.
    private async IAsyncEnumerable<Page<T>> FetchPagesConcurrentlyAsync<T>(
        PageRequest request, int first, int last, JsonTypeInfo<List<T>> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task<Page<T>>>();
        var nextPage = first;
        void StartMore()
        {
            while (nextPage <= last && inFlight.Count < request.MaxConcurrency)
            {
                inFlight.Enqueue(FetchPageAsync(request, PageLinks.WithPage(request.FirstPage, nextPage++), typeInfo, stop.Token));
            }
        }

        try
        {
            StartMore();
            while (inFlight.Count > 0)
            {
                var page = await inFlight.Dequeue();
                StartMore();
                yield return page;
            }
        }
        finally
        {
            await stop.CancelAsync();
            while (inFlight.Count > 0)
            {
                try
                {
                    await inFlight.Dequeue();
                }
                catch (Exception)
                {
                    // Already failing or abandoned: the first failure is the one reported.
                }
            }
        }
    }

    private async Task<Page<T>> FetchPageAsync<T>(PageRequest request, Uri pageUri, JsonTypeInfo<List<T>> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, pageUri, request.Endpoint, request.Resource, content: null, noteCreation: false, cancellationToken);
        await EnsureSuccessAsync(response, request.Endpoint, request.Resource, cancellationToken);
        var items = await ReadJsonAsync(response, typeInfo, request.Endpoint, request.Resource, cancellationToken);

        PageLinks links;
        try
        {
            links = PageLinks.FromHeaders(response.Headers, pageUri, _apiRoot);
        }
        catch (FormatException ex)
        {
            throw new GitLabInvalidResponseException(ex.Message, response.StatusCode, request.Endpoint, request.Resource, bodyExcerpt: null, ex);
        }

        // GitLab always sends pagination headers on lists. A full page without any cannot tell whether more
        // pages exist: stopping could silently shorten the list, guessing could loop forever on a server that
        // ignores `page`. Say so instead.
        if (!links.HasPaginationHeaders && items.Count >= _options.PerPage)
        {
            throw new GitLabInvalidResponseException(
                "a full page came back without pagination headers (X-Next-Page, Link); cannot tell whether more pages exist.",
                response.StatusCode, request.Endpoint, request.Resource, bodyExcerpt: null);
        }

        if (links.Next is not null && links.Next == pageUri)
        {
            throw new GitLabInvalidResponseException(
                "the next-page link points to the page just read.", response.StatusCode, request.Endpoint, request.Resource, bodyExcerpt: null);
        }

        return new Page<T>(items, links);
    }

    private static PageRequest OffsetList(Uri firstPage, string endpoint, string resource) =>
        new(firstPage, endpoint, resource, Offset: true, MaxConcurrency: 1);

    private sealed record Page<T>(List<T> Items, PageLinks Links);

    // ---- one request ------------------------------------------------------------------------------

    private async Task<T> GetAsync<T>(Uri uri, string endpoint, string resource, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, uri, endpoint, resource, content: null, noteCreation: false, cancellationToken);
        await EnsureSuccessAsync(response, endpoint, resource, cancellationToken);
        return await ReadJsonAsync(response, typeInfo, endpoint, resource, cancellationToken);
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, Uri uri, string endpoint, string resource, HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, uri, endpoint, resource, content, noteCreation: false, cancellationToken);
        await EnsureSuccessAsync(response, endpoint, resource, cancellationToken);
        return await ReadJsonAsync(response, typeInfo, endpoint, resource, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, Uri uri, string endpoint, string resource, HttpContent? content, bool noteCreation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.TryAddWithoutValidation("PRIVATE-TOKEN", _token);
        request.Headers.Accept.Add(JsonMediaType);
        if (EventUuidEchoScope.Current is { } eventUuid)
        {
            request.Headers.TryAddWithoutValidation("X-Gitlab-Event-UUID", eventUuid);
        }

        request.Options.Set(GitLabRequestOptions.Endpoint, endpoint);
        if (noteCreation)
        {
            request.Options.Set(GitLabRequestOptions.NoteCreation, true);
        }

        try
        {
            // The transport handler has read the whole body inside each attempt (a BufferedBody); ResponseContentRead
            // would have HttpClient copy it once more into one array (for a page, a large-object array).
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new GitLabTransportException($"timed out ({_options.Timeout} per attempt).", endpoint, resource, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new GitLabTransportException(Redact(ex.Message), endpoint, resource, ex);
        }
        catch (IOException ex)
        {
            throw new GitLabTransportException(Redact(ex.Message), endpoint, resource, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitLabTransportException("the request was cancelled by the HTTP stack (timeout).", endpoint, resource, ex);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string endpoint, string resource, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var excerpt = await BodyExcerptAsync(response, cancellationToken);
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new GitLabAuthException(response.StatusCode, endpoint, resource, excerpt),
            HttpStatusCode.NotFound => new GitLabNotFoundException(endpoint, resource, excerpt),
            _ => new GitLabApiException(response.StatusCode, endpoint, resource, excerpt),
        };
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string endpoint, string resource, CancellationToken cancellationToken)
    {
        var body = response.Content is BufferedBody buffered
            ? buffered.Bytes
            : new ReadOnlySequence<byte>(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var looksLikeHtml = FirstNonWhitespace(body) == '<';
        if (looksLikeHtml || (mediaType is not null && !IsJson(mediaType)))
        {
            throw new GitLabInvalidResponseException(
                $"expected JSON but got {mediaType ?? "an untyped body"}{(looksLikeHtml ? " (HTML)" : string.Empty)}; is GitLab:BaseUrl the GitLab instance, not a login page or proxy?",
                response.StatusCode, endpoint, resource, Excerpt(body));
        }

        if (body.IsEmpty)
        {
            throw new GitLabInvalidResponseException("the body is empty.", response.StatusCode, endpoint, resource, bodyExcerpt: null);
        }

        try
        {
            return SequenceJson.Deserialize(body, typeInfo)
                ?? throw new GitLabInvalidResponseException("the body is JSON null.", response.StatusCode, endpoint, resource, bodyExcerpt: null);
        }
        catch (JsonException ex)
        {
            throw new GitLabInvalidResponseException(
                $"truncated or malformed JSON ({ex.Message})", response.StatusCode, endpoint, resource, Excerpt(body), ex);
        }
    }

    private async Task<string?> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            return Redact(JsonSerializer.Deserialize(bytes, GitLabJsonContext.Default.GitLabErrorBody)?.ToText() ?? string.Empty);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<string?> BodyExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        Excerpt(await response.Content.ReadAsByteArrayAsync(cancellationToken));

    private string? Excerpt(ReadOnlySequence<byte> body) =>
        Excerpt(body.Slice(0, Math.Min(body.Length, BodyExcerptLength * 4)).ToArray());

    private string? Excerpt(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, BodyExcerptLength * 4));
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        text = Redact(text);
        return text.Length <= BodyExcerptLength ? text : text[..BodyExcerptLength] + "…";
    }

    // Whatever GitLab or a proxy echoes back, the token never reaches a message or a log.
    private string Redact(string text) =>
        _token.Length > 0 ? text.Replace(_token, "[REDACTED]", StringComparison.Ordinal) : text;

    // ---- helpers ----------------------------------------------------------------------------------

    private Uri Api(string path, params (string Name, string? Value)[] query)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return new Uri(_apiRoot, builder.ToString());
    }

    private List<(string Name, string? Value)> IssueFilters(IssueQuery query) =>
    [
        ("state", query.State switch
        {
            IssueStateFilter.Opened => "opened",
            IssueStateFilter.Closed => "closed",
            _ => "all",
        }),
        ("labels", query.Labels.Count > 0 ? JoinLabels(query.Labels) : null),
        ("updated_after", query.UpdatedAfter?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        ("milestone", query.Milestone),
        ("search", query.Search),
        ("per_page", _options.PerPage.ToString(CultureInfo.InvariantCulture)),
    ];

    private static StringContent Json<T>(T body, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.Serialize(body, typeInfo), Encoding.UTF8, "application/json");

    private static StringContent LabelCreateJson(LabelCreate label) =>
        Json(new LabelCreateBody(label.Name, label.Color, label.Description, label.Priority), GitLabRequestJsonContext.Default.LabelCreateBody);

    private static StringContent LabelUpdateJson(LabelUpdate update) =>
        Json(new LabelUpdateBody(update.NewName, update.Color, update.Description, update.Priority), GitLabRequestJsonContext.Default.LabelUpdateBody);

    // GitLab takes label lists comma-separated, so a comma inside a name cannot be sent.
    private static string? JoinLabels(IReadOnlyList<string>? labels)
    {
        if (labels is null)
        {
            return null;
        }

        foreach (var label in labels)
        {
            if (label.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"GitLab label names cannot contain a comma: '{label}'.", nameof(labels));
            }
        }

        return string.Join(',', labels);
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static char FirstNonWhitespace(ReadOnlySequence<byte> body)
    {
        foreach (var segment in body)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
                {
                    return (char)b;
                }
            }
        }

        return '\0';
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string ProjectName(IdOrPath project) => $"project '{project}'";

    private static string GroupName(IdOrPath group) => $"group '{group}'";

    private static string IssueName(IdOrPath project, long iid) => $"issue {project}#{iid}";
}
