using IssueHygiene.Webhooks;

namespace IssueHygiene.Worker;

/// <summary>The comments a claimed batch reports (by id) and the newest delivery's <c>X-Gitlab-Event-UUID</c>.</summary>
public sealed record BatchNotes(string? EventUuid, IReadOnlyList<DeliveryDigest> Notes);
