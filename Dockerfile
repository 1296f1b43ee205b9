# syntax=docker/dockerfile:1
# Multi-stage build of the issue-hygiene executable. Build: docker build --build-arg VERSION=0.1.0 -t issue-hygiene .
# Run:   docker run --rm issue-hygiene rules check
#        docker run --rm issue-hygiene demo                      (writes ./demo-output in the writable /data)
#        docker run --rm -v "$PWD/examples:/examples:ro" issue-hygiene lint --issue-json /examples/issue-needs-triage.json
# What ships: one native executable (Native AOT, linux-x64: no JIT, no .NET runtime in the image), SQLite's native
# library and the default rules. Measured 2026-12-02: 32.9 MB executable + 1.5 MB libe_sqlite3.so; the image adds the
# mcr.microsoft.com/dotnet/runtime-deps:10.0 base (Debian with OpenSSL and the unprivileged user `app`).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG VERSION=0.0.0-local
# Native AOT links with clang.
RUN apt-get update && apt-get install -y --no-install-recommends clang zlib1g-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Restore first, from the project files only, so the layer is reused until dependencies change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig IssueHygiene.sln README.md ./
COPY src/Directory.Build.props src/
COPY src/IssueHygiene.Core/IssueHygiene.Core.csproj src/IssueHygiene.Core/
COPY src/IssueHygiene.GitLab/IssueHygiene.GitLab.csproj src/IssueHygiene.GitLab/
COPY src/IssueHygiene.Storage/IssueHygiene.Storage.csproj src/IssueHygiene.Storage/
COPY src/IssueHygiene.GitLabSimulator/IssueHygiene.GitLabSimulator.csproj src/IssueHygiene.GitLabSimulator/
COPY src/IssueHygiene/IssueHygiene.csproj src/IssueHygiene/
RUN dotnet restore src/IssueHygiene/IssueHygiene.csproj -r linux-x64 -p:NativeAot=true
COPY src/ src/
COPY rules/ rules/
# One runtime identifier: only linux-x64's native SQLite, not the 22 other platforms' libraries, compiled ahead of
# time (src/IssueHygiene/IssueHygiene.csproj, NativeAot). Only what runs is copied into the image below.
RUN dotnet publish src/IssueHygiene/IssueHygiene.csproj -c Release -r linux-x64 -p:NativeAot=true \
      -p:Version=$VERSION -o /publish \
 && mkdir -p /app && cp -r /publish/issue-hygiene /publish/libe_sqlite3.so /publish/rules /app/

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
COPY --from=build /app /app
# The working directory is the app user's writable data directory: the SQLite store (./data), demo-output, reports.
RUN mkdir -p /data && chown app:app /data
WORKDIR /data
VOLUME ["/data"]
ENV IssueHygiene__Rules__Path=/app/rules/handbook.yml \
    IssueHygiene__Storage__ConnectionString="Data Source=/data/issue-hygiene.db" \
    ASPNETCORE_URLS=http://+:8080
# The runtime-deps image ships the unprivileged user `app` (uid 1654).
USER app
EXPOSE 8080
# For `serve`: the process answers /healthz (the image has no curl; bash's /dev/tcp is enough). Other commands exit
# before the first check.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["/app/issue-hygiene"]
CMD ["--help"]
