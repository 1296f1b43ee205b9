using IssueHygiene.Hosting;
using IssueHygiene.Serving;
using Microsoft.Extensions.Configuration;
using Serilog.Events;

namespace IssueHygiene.Tests.Serve;

public sealed class SerilogLevelsTests
{
    [Fact]
    public void Read_PlainLevel_IsTheDefault()
    {
        var levels = SerilogLevels.Read(Configuration(("Serilog:MinimumLevel", "warning")));

        Assert.Equal([(null, LogEventLevel.Warning)], levels);
    }

    [Fact]
    public void Read_DefaultAndOverrides_OneEntryPerSource()
    {
        var levels = SerilogLevels.Read(Configuration(
            ("Serilog:MinimumLevel:Default", "Debug"),
            ("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Error"),
            ("Serilog:MinimumLevel:Override:IssueHygiene.Worker", "Verbose")));

        Assert.Equal<(string?, LogEventLevel)>(
            [(null, LogEventLevel.Debug), ("IssueHygiene.Worker", LogEventLevel.Verbose), ("Microsoft.AspNetCore", LogEventLevel.Error)],
            [.. levels.OrderBy(l => l.Source, StringComparer.Ordinal)]);
    }

    [Fact]
    public void Read_NothingConfigured_NoLevels()
    {
        Assert.Empty(SerilogLevels.Read(Configuration()));
    }

    [Theory]
    [InlineData("loud")]
    [InlineData("42")]
    public void Read_NotALevel_UsageErrorNamingTheKeyAndItsEnvironmentName(string value)
    {
        var error = Assert.Throws<UsageException>(() => SerilogLevels.Read(Configuration(("Serilog:MinimumLevel:Override:Polly", value))));

        Assert.Contains("Serilog:MinimumLevel:Override:Polly", error.Message, StringComparison.Ordinal);
        Assert.Contains("IssueHygiene__Serilog__MinimumLevel__Override__Polly", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
