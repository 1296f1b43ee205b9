using System.Net.Http.Headers;
using System.Text;

namespace IssueHygiene.Tests.Serve;

/// <summary>Sends hand-made deliveries to <c>serve</c> with GitLab's headers.</summary>
internal static class WebhookDeliveryClient
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string gitLabEvent = "Issue Hook", string? token = ServeHarness.Secret, string? idempotencyKey = null, string? eventUuid = null) =>
        PostBytesAsync(http, Encoding.UTF8.GetBytes(body), gitLabEvent, token, idempotencyKey, eventUuid);

    public static async Task<HttpResponseMessage> PostBytesAsync(HttpClient http, byte[] body, string gitLabEvent = "Issue Hook", string? token = ServeHarness.Secret, string? idempotencyKey = null, string? eventUuid = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/gitlab") { Content = content };
        request.Headers.Add("X-Gitlab-Event", gitLabEvent);
        request.Headers.Add("X-Gitlab-Event-UUID", eventUuid ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Gitlab-Webhook-UUID", Guid.NewGuid().ToString());
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        if (token is not null)
        {
            request.Headers.Add("X-Gitlab-Token", token);
        }

        return await http.SendAsync(request);
    }
}
