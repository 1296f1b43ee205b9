using IssueHygiene.Hosting;

namespace IssueHygiene.Tests.Cli;

/// <summary>The one-arena setting is made on glibc, and an operator's MALLOC_ARENA_MAX is left alone.</summary>
public sealed class MallocArenasTests
{
    [Fact]
    public void LimitToOne_OnGlibcWithoutAnOperatorSetting_SetsTheLimit()
    {
        // The test machines and the container image are Debian (glibc); elsewhere the call must simply not fail.
        var applied = MallocArenas.LimitToOne(_ => null);

        Assert.Equal(OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6"), applied);
    }

    [Fact]
    public void LimitToOne_OperatorSetMallocArenaMax_LeavesItAlone()
    {
        var asked = new List<string>();

        var applied = MallocArenas.LimitToOne(name =>
        {
            asked.Add(name);
            return "4";
        });

        Assert.False(applied);
        Assert.Equal(OperatingSystem.IsLinux() ? ["MALLOC_ARENA_MAX"] : [], asked);
    }
}
