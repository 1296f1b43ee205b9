namespace IssueHygiene.Benchmarks.Report;

/// <summary>The explanation under the generated table: where the CPU went and what each setting bought, measured by hand with perf.</summary>
internal static class PerformanceNotes
{
    public const string Text = """
        ## Where a dry sweep's CPU went

        Profiled with `perf record -e cpu-clock -g` (`DOTNET_PerfMapEnabled=1`) and the JIT's own method list
        (`DOTNET_JitDisasmSummary=1`), 10,000 issues, dry, before the changes (framework-dependent build, server GC,
        tiered compilation with PGO):

        | where | share of the process's CPU samples |
        |---|---|
        | the JIT (`libclrjit.so`) | 23–25% |
        | the runtime (`libcoreclr.so`: type loading, stubs, GC, server GC's spinning join) | 31–34% |
        | the tiered compiler's background thread (re-compiling hot methods: instrumented, then optimized) | 31% of all samples (JIT + runtime on that thread) |
        | managed code: JSON (System.Text.Json, source-generated context) | ≈ 6% |
        | evaluation (FluentValidation rules), note rendering, write planning | ≈ 5% together |
        | SQLite (the per-issue lint-note and waiver look-ups, dry-run audit batches) | ≈ 7% native + 3% managed |

        So the work the sweep is for was well under a fifth of its CPU; start-up and the JIT were the rest. A sweep of
        100 issues costs 0.8 CPU-seconds (the fixed part): 1,500 methods are still JIT-compiled with ReadyToRun (generic
        instantiations over framework types, which ReadyToRun cannot pre-compile outside the framework's version bubble).

        ## Each setting, measured

        User + system CPU seconds of the `issue-hygiene sweep` process, 10,000 issues, dry, 0 ms latency; one run per
        line per round, interleaved, on the shared 2-core machine (load average 40–60 while it ran, which inflates CPU
        seconds too, through cache and hyper-thread contention):

        | build and runtime settings | CPU seconds: median (runs) | peak RSS |
        |---|---|---|
        | before: JIT, server GC (the Web SDK's default), tiered PGO | 3.2 (2.11, 3.14, 3.25, 2.99, 3.50, 3.50) | 107–119 MiB |
        | ReadyToRun, server GC | 3.3 (2.52, 3.02, 3.26, 3.96, 3.82) | 114–120 MiB |
        | JIT, workstation non-concurrent GC | 3.4 (3.38, 3.70, 3.25) | 116–119 MiB |
        | ReadyToRun, workstation non-concurrent GC | 3.3 (2.71, 3.66, 3.25) | 121–124 MiB |
        | ReadyToRun, workstation GC, tiered PGO off | 2.8 (2.29, 2.78, 2.81) | 119–120 MiB |
        | ReadyToRun, workstation GC, PGO off, call-count threshold 200 | 2.1 (2.14, 2.10, 2.21) | 114–117 MiB |
        | **ReadyToRun, workstation GC, tiered compilation off (shipped)** | **2.0** (1.77, 2.23, 1.91, 2.04, 2.63) | 110–113 MiB |
        | same, `GCgen0size` 4 MiB | 2.3 (2.10, 2.50) | 102–104 MiB |
        | same, `GCgen0size` 4 MiB and `GCConserveMemory` 5 | 2.2 (1.90, 2.47) | 107–108 MiB |

        Not done for lack of time: a self-contained, composite ReadyToRun build (the framework compiled together with
        the app, so the 1,500 generic instantiations above would be pre-compiled too); its compilation alone took more
        than ten minutes of the loaded machine and was stopped. It is the next step for the fixed 0.8 CPU-seconds.

        `lint --issue-json` CPU seconds: JIT 0.25, ReadyToRun with tiering 0.18, ReadyToRun without tiering 0.25–0.27.
        Tiering stays on for `dotnet build` output (tests, `dotnet run`), where there is no pre-compiled code.

        ## Memory

        Peak RSS of a dry sweep is mostly the runtime, not the issues: at 100 issues it is already 90 MiB. Its parts at
        10,000 issues (`/proc/PID/smaps`): 63 MiB file-backed (mapped framework and app code: CoreLib alone 13 MiB),
        15 MiB of JIT code (the W^X double mapping), 36 MiB anonymous (the GC heap and native allocations). The managed
        heap itself peaks at about 21 MiB and stays there from 10,000 to 100,000 issues (issues are streamed page by page).
        GC settings moved the figure by a few MiB at most (`GCgen0size` 4 MiB: −7 MiB).
        """;
}
