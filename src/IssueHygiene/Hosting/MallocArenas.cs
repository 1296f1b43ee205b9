using System.Runtime.InteropServices;

namespace IssueHygiene.Hosting;

/// <summary>
/// Keeps glibc's malloc to one arena. By default glibc gives a thread that finds the arena busy an arena of its own
/// (up to eight per core), and each keeps the memory freed into it: with the runtime's dozen threads that is a few MiB
/// of resident memory for a process whose own objects live on the GC heap; the native allocations left (SQLite,
/// OpenSSL) are few and short. Measured on a 100,000-issue dry sweep (docs/performance.md, "Memory"). An operator's
/// <c>MALLOC_ARENA_MAX</c> still wins; on a C library without <c>mallopt</c> (musl) nothing changes.
/// </summary>
internal static class MallocArenas
{
    // malloc.h: #define M_ARENA_MAX -8
    private const int ArenaMaxParameter = -8;

    public static void LimitToOne()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }

        try
        {
            _ = SetMallocOption(ArenaMaxParameter, 1);
        }
        catch (DllNotFoundException)
        {
            // Not glibc (no libc.so.6): nothing to tune.
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without mallopt.
        }
    }

    // DllImport, not LibraryImport: two ints need no marshalling code, and the project stays free of unsafe code.
    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetMallocOption(int parameter, int value);
}
