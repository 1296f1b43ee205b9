namespace IssueHygiene.Benchmarks.Report;

/// <summary>The explanation under the generated table: where the CPU went and what each setting bought, measured by hand with perf.</summary>
internal static class PerformanceNotes
{
    public const string Text = """
        ## Native AOT: what ships now (hand measurements, quiet machine, load 1–2.5)

        `issue-hygiene` is one native executable: `dotnet publish -c Release -r linux-x64 -p:NativeAot=true` (the
        Dockerfile and this benchmark; clang links it). No JIT, no IL to load, no tiering: the 10,000-issue dry sweep
        went from 1.85–1.90 CPU-seconds (ReadyToRun, the previous row of this page) to 0.57–0.62, `lint --issue-json`
        from 0.25 s to 0.01 s, and `serve` acknowledges webhooks 2–3× faster with a p99 of 20–32 ms instead of
        115–126 ms (less CPU per request leaves the 2 cores to wrk, the worker and fsync). The publish takes 1 min 20 s
        to 1 min 50 s here (the 11 min 43 s of last session's trial was on a machine at load 11–30).

        What it took: the options records' `init` setters became `set` (the configuration-binding source generator,
        which AOT needs, cannot call an `init` setter and silently skipped them, hence last session's empty
        `GitLab:BaseUrl`); the value check binds each options type by name instead of an `object`; the audit log's rule
        list and the simulator's `--print-requests` use generated or node-based JSON; `serve` reads the
        `Serilog:MinimumLevel` section itself (Serilog.Settings.Configuration finds sinks by reflection over assemblies
        on disk). `src/Directory.Build.props` turns on `IsAotCompatible`, the binding generator and the minimal-API
        request delegate generator for every build, so the tests run the same generated code as the executable and any
        new trim or AOT warning fails the build. The only library warning left is Serilog's (destructuring of
        `{@Value}`, which the product never logs), suppressed in the AOT publish with that reason. Checked: the `demo`
        output and a 10,000-issue dry sweep's 7 MB JSON report are byte-identical between the JIT build and the native
        executable (ports and times masked).

        **Memory: under 64 MiB with room** (100,000 issues, dry; parts from `/proc/PID/smaps`, heap figures from
        `GC.GetGCMemoryInfo` and `GC.CollectionCount` printed by a throw-away diagnostic build). Peak RSS 89–98 MiB two
        sessions ago; 62–63 MiB in last session's table, 61.2–64.0 MiB over nine runs by hand (one just over 64), a
        margin of about one MiB; 55.9–56.8 MiB now in this table's runs. What changed, each measured on its own:

        - *No page is a large object any more.* The transport handler buffered each body into one array the size of the
          body (`LoadIntoBufferAsync`), `HttpClient` (`ResponseContentRead`) copied it into another, and the client read
          it as bytes: about 225 KB per page, two or three times, on the large-object heap, which only a full collection
          reclaims (62–77 gen-2 collections per run). The body is now read inside each attempt into chunks of at most
          64 KiB (`BufferedBody`), parsed across them (`SequenceJson`: a one-chunk body as a span, a longer one through
          the serializer's stream reader, which works in a small pooled buffer), and requests complete at the headers.
          The GC's large-object allocation events (one per ~100 KB) in a 20,000-issue sweep of the JIT build, counted
          by an `EventListener`: 186 → 0; gen-2 collections at 100,000 issues 77 → 7; CPU 5.4 → 4.9 s. Last session's stream parse "made it worse" because `HttpClient`
          still made the contiguous copy.
        - *The summary keeps 1,000 issues per list, not 10,000*: it never lists more (its first cap is 1,000, halved
          until the description fits). Live heap at the end of the run 10 → 4.2 MiB. It also fixes a miscount: issues
          past the cap were all counted as errors, including summary-rule ones.
        - *GC settings, baked into the executable* (`--runtimeopt`, hex as `DOTNET_<name>` reads them; the environment
          still wins): the background GC on, whose 6 MB gen-0 cap replaces one sized from the 32 MB L3 cache (without
          it the budget grew to 60 MB between the first two collections: 110–119 MiB once the page copies were gone),
          `GCgen0size` 2 MB and `GCRegionSize` 1 MB. Non-concurrent 110–119 MiB → concurrent 82 → with `GCgen0size`
          69 → with 1 MB regions 66–68.
        - *No EventSource* (the Web SDK turns it on for dotnet-counters; the service has its own `/metrics`): no EventPipe
          thread or IPC channel and 1.5 MB less code, −2.8 MiB. `HttpActivityPropagationSupport` and `MetricsSupport`
          off and identical-method folding: 0.9 MB less code, RSS within noise.
        - *One malloc arena* (`mallopt(M_ARENA_MAX, 1)` at start unless `MALLOC_ARENA_MAX` is set): about −0.5 MiB
          (−0.4 and −0.9 in two interleaved sets of runs).
        - *Type data read from the file, not rehydrated* (`IlcDehydrate` false, `PositionIndependentExecutable` false):
          by default the compiler stores the method tables compressed and the runtime expands them at start into 9.6 MiB
          of private memory, all of it touched, plus the 4.6 MB compressed form it reads. Not compressed, the data sits
          in the file's data section; linked at a fixed address it needs no relocation at load (as a position-independent
          executable it would carry 583,000 relocations, 14 MB, and dirty every page of it), so the pages are clean file
          pages, read in as used and shared between processes. Interleaved pairs at 100,000 issues: 57.5 / 57.6 MiB
          against 64.0 / 63.1 as before; dehydration off alone: 72.5 / 71.9 MiB, a fixed address alone: 63.2 / 63.1. The
          10,000-issue sweep also spends less CPU (0.56–0.66 s against 0.71–0.75 in four interleaved pairs: no expansion
          at start); `lint` peaks at 26 MiB instead of 35. The cost: the executable is 32.9 MB instead of 28.5, and its
          own image is not placed at a random address (shared libraries, heap, stacks and the GC heap still are) — the
          trade Go makes by default for its memory-safe native executables. A bug that corrupts memory would have to be
          in the runtime or a native library first.

        The peak now (57.2 MiB in the sampled run): 27.6 MiB of the executable's clean pages — 11.5 MiB of code (the
        code a sweep runs is spread through the file and the kernel maps 64 KB around each fault), 9 MiB of type data,
        7.1 MiB of read-only data and unwind tables — and 0.5 MiB of its pages written, 19 MiB anonymous memory, nearly all of it the GC's (4.2 MiB live
        after a full collection, the 5.5 MB gen-0 budget, the rest free regions and gen-2 garbage awaiting a background
        collection), 3 MiB of malloc heap (SQLite, OpenSSL), 6.5 MiB of shared libraries (libcrypto 3.5), stacks under
        0.2 MiB. Flat: 53 MiB at 10,000 issues, 56 at 100,000, 58 at 1,000,000 (a live heap of 4 MiB at each).

        Tried and not shipped: `GCGen0MaxBudget` 1 MB (it is read with that spelling; `GCgen0MaxBudget`, tried last
        session, is not): 2,807 gen-0 collections instead of 495, the same RSS, +1 CPU-second; `GCgen0size` from 64 KB
        to 4 MB: the same; SQLite `cache_size` 512 KiB: about −1 MiB inside the noise, more system time; a
        profile-guided method order (ILC's `--order` with the 16,000 symbols the JIT compiled during a sweep): executable
        pages 12.5 → 11.7 MiB, about −1 MiB, not worth a 2.6 MB generated list to keep current; a GC hard limit (it
        would also cap `--report` runs, which hold every listed issue).

        **Report files**: a sweep with `--report` keeps every listed issue (its findings and planned writes, the exact
        note bodies) until the end, so its memory grows with the tracker, unlike the sweep without a report file above.
        The JSON and JUnit files are now streamed into the file as they are rendered instead of being built as one buffer,
        array and string first: 100,000 issues, `--report x.json` (70 MB): peak RSS 985 → 558 MiB, and 329 MiB
        with this session's memory changes; `--report x.xml`
        (41 MB): 566 MiB; 10,000 issues with a JSON report: 167 → 149 MiB. Keeping the entries in a spool file instead of
        memory would make it flat; not done.

        ## Earlier rounds

        **What the summary issue and history had added to a dry sweep** (1.51 → 1.67 CPU-seconds last session). `perf record`
        of a 10,000-issue dry sweep (load ≈ 30): SQLite's native code was 10.7% of the samples, most of it parsing and
        planning statements (`sqlite3RunParser`, `yy_find_shift_action`, `whereLoopAddBtreeIndex`): every issue ran a
        lint-note look-up, a waiver look-up and, new with the history, a current-findings select, delete and insert,
        each as a new command that SQLite parsed again. Now the current findings use three prepared commands per batch
        of 100 issues, and the two per-issue look-ups keep their prepared statement for the connection's life
        (`SqlBackend.FrequentCommand`). Interleaved, same machine, load 14–15: before 2.32 / 2.06 / 2.60 CPU-seconds
        (user only), after 1.69 / 1.78 / 2.03.

        **Native AOT, tried last session**: it compiled but `sweep` failed on the options records' `init` setters; this
        session fixed that and ships it (above).

        **Memory knobs at 100,000 issues** (`/usr/bin/time`, load 16–18): as shipped 131 MiB; `DOTNET_EnableWriteXorExecute=0`
        131 MiB; plus `GCgen0size` 4 MiB 126 MiB; plus `GCConserveMemory=7` 120 MiB (and more CPU); `GCHeapHardLimit` 32 MiB
        crashed the process at 20,000 issues. `/proc/PID/smaps` at 100,000 issues: 39 MiB anonymous (GC heap and native),
        13 MiB the JIT's double-mapped code, 12.6 MiB CoreLib, 5.5 MiB libcoreclr, 4.4 MiB the JIT itself, 3.4 MiB
        libcrypto, the rest one to two MiB per assembly. None of the knobs gets near 64 MiB; only leaving the JIT and
        the IL images behind (AOT) does.

        **1,000,000 issues**: the simulator walked every offset page from the first issue (GitLab's group issue list
        has no keyset pagination), so page 10,000 cost a walk over a million issues. It now resumes the previous page's
        walk when the next page of the same query is asked and nothing changed (`SimulatorStore.ListIssues`;
        `OffsetPagingTests`), which makes the 1,000,000-issue dry sweep measurable.

        **Webhook intake**: on PostgreSQL the group commit sent each of up to 256 inserts as its own round trip before
        the commit; they now go as one `DbBatch`. First run of the report here (load 6–7): SQLite 4,128/s, p99 92 ms;
        PostgreSQL 1,309/s, p99 226 ms. With the batch (load 17): PostgreSQL 1,914/s, p99 244 ms. The p99 is set by the
        machine more than by the store: at 64 connections wrk, the server, its lint worker (draining the same queue),
        the simulator and the neighbours' builds all want the 2 cores, and an fsync here takes 4 ms at the median and
        12–16 ms at the tail (measured with SQLite in WAL, `synchronous=FULL`, 300 commits).

        ## Where a dry sweep's CPU went (two sessions ago, JIT build)

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

        ## Each setting, measured (JIT and ReadyToRun builds, before Native AOT)

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

        ## Memory (JIT build, before Native AOT)

        Peak RSS of a dry sweep is mostly the runtime, not the issues: at 100 issues it is already 90 MiB. Its parts at
        10,000 issues (`/proc/PID/smaps`): 63 MiB file-backed (mapped framework and app code: CoreLib alone 13 MiB),
        15 MiB of JIT code (the W^X double mapping), 36 MiB anonymous (the GC heap and native allocations). The managed
        heap itself peaks at about 21 MiB and stays there from 10,000 to 100,000 issues (issues are streamed page by page).
        GC settings moved the figure by a few MiB at most (`GCgen0size` 4 MiB: −7 MiB).
        """;
}
