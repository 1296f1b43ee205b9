using System.Runtime.InteropServices;

namespace IssueHygiene.Hosting;

/// <summary>
/// Keeps glibc's malloc to one arena. By default glibc gives a thread that finds the arena busy an arena of its own
/// (up to eight per core), and each keeps the memory freed into it, for a process whose own objects live on the GC heap
/// and whose native allocations (SQLite, OpenSSL) are few and short. About half a MiB of a 100,000-issue dry sweep's
/// peak (docs/performance.md, "Memory"). An operator's <c>MALLOC_ARENA_MAX</c> still wins; on a C library without
/// <c>mallopt</c> (musl) nothing changes.
/// </summary>
internal static class MallocArenas
{
    // malloc.h: #define M_ARENA_MAX -8
    private const int ArenaMaxParameter = -8;

    /// <summary>Sets glibc's arena limit to one; true when it was set, false when left as it was (and why does not matter).</summary>
    public static bool LimitToOne(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!OperatingSystem.IsLinux() || environment("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            // mallopt returns 1 on success.
            return SetMallocOption(ArenaMaxParameter, 1) == 1;
        }
        catch (DllNotFoundException)
        {
            // Not glibc (no libc.so.6): nothing to tune.
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without mallopt.
            return false;
        }
    }

    // DllImport, not LibraryImport: two ints need no marshalling code, and the project stays free of unsafe code.
    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetMallocOption(int parameter, int value);
}
