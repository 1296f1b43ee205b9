using System.Security.Cryptography;
using System.Text;
using IssueHygiene.Webhooks;

namespace IssueHygiene.Serving;

/// <summary>
/// The gate on <c>/metrics</c> and <c>/status</c>: on the management port only (when one is configured: 404 elsewhere,
/// as if the endpoint did not exist), and with the bearer token (when one is configured: 401 without it, compared in
/// constant time). Refusals are logged at most a few times a minute, so probing cannot flood the log.
/// </summary>
public sealed partial class ManagementAccess(ManagementOptions options, TimeProvider time, ILogger<ManagementAccess> logger)
{
    private readonly IReadOnlySet<int> _ports = options.Ports();
    private readonly byte[]? _tokenHash = string.IsNullOrEmpty(options.Token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.Token));
    private readonly LogRateLimit _refusals = new(time, TimeSpan.FromMinutes(1), 10);

    /// <summary>True when neither a port nor a token guards the endpoints.</summary>
    public bool IsOpen => _ports.Count == 0 && _tokenHash is null;

    public IResult? Refusal(HttpContext context)
    {
        if (_ports.Count > 0 && !_ports.Contains(context.Connection.LocalPort))
        {
            return Results.NotFound();
        }

        if (_tokenHash is null)
        {
            return null;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : string.Empty;
        if (CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _tokenHash))
        {
            return null;
        }

        if (_refusals.ShouldLog(out var suppressed))
        {
            LogRefused(logger, context.Request.Path.Value ?? string.Empty, context.Connection.RemoteIpAddress?.ToString(), suppressed);
        }

        return Results.Unauthorized();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operations endpoint {Path} refused: no valid token (from {RemoteAddress}); {Suppressed} more refusals not logged in the last minute")]
    private static partial void LogRefused(ILogger logger, string path, string? remoteAddress, long suppressed);
}
