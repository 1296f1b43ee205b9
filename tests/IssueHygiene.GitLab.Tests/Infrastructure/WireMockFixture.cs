using WireMock.Server;

namespace IssueHygiene.GitLab.Tests.Infrastructure;

/// <summary>One WireMock server per test class, on a dynamic loopback port.</summary>
public sealed class WireMockFixture : IDisposable
{
    public WireMockServer Server { get; } = WireMockServer.Start();

    public void Dispose() => Server.Stop();
}
