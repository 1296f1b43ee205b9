# syntax=docker/dockerfile:1
# Multi-stage build of the issue-hygiene executable. Build: docker build --build-arg VERSION=0.1.0 -t issue-hygiene .
# Run:   docker run --rm issue-hygiene rules check
#        docker run --rm issue-hygiene demo                      (writes ./demo-output in the writable /data)
#        docker run --rm -v "$PWD/examples:/examples:ro" issue-hygiene lint --issue-json /examples/issue-needs-triage.json
# Size budget: the published application (framework-dependent, linux-x64 only) stays under 25 MB. Measured 2026-12-02
# with du -sb of the publish folder: 19.9 MB with ReadyToRun code (10.4 MB as IL only), where a RID-less build carries
# 34.1 MB of native libraries for 22 platforms in runtimes/. The image adds the mcr.microsoft.com/dotnet/aspnet:10.0 base.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG VERSION=0.0.0-local
WORKDIR /src
# Restore first, from the project files only, so the layer is reused until dependencies change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig IssueHygiene.sln README.md ./
COPY src/IssueHygiene.Core/IssueHygiene.Core.csproj src/IssueHygiene.Core/
COPY src/IssueHygiene.GitLab/IssueHygiene.GitLab.csproj src/IssueHygiene.GitLab/
COPY src/IssueHygiene.Storage/IssueHygiene.Storage.csproj src/IssueHygiene.Storage/
COPY src/IssueHygiene.GitLabSimulator/IssueHygiene.GitLabSimulator.csproj src/IssueHygiene.GitLabSimulator/
COPY src/IssueHygiene/IssueHygiene.csproj src/IssueHygiene/
RUN dotnet restore src/IssueHygiene/IssueHygiene.csproj -r linux-x64
COPY src/ src/
COPY rules/ rules/
# One runtime identifier: only linux-x64's native SQLite, not the 22 other platforms' libraries; ReadyToRun code
# for it (src/IssueHygiene/IssueHygiene.csproj). Restores again if the crossgen pack for the RID is missing.
RUN dotnet publish src/IssueHygiene/IssueHygiene.csproj -c Release -r linux-x64 --self-contained false \
      -p:Version=$VERSION -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
COPY --from=build /app /app
# The working directory is the app user's writable data directory: the SQLite store (./data), demo-output, reports.
RUN mkdir -p /data && chown app:app /data
WORKDIR /data
VOLUME ["/data"]
ENV IssueHygiene__Rules__Path=/app/rules/handbook.yml \
    IssueHygiene__Storage__ConnectionString="Data Source=/data/issue-hygiene.db" \
    ASPNETCORE_URLS=http://+:8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# The aspnet image ships the unprivileged user `app` (uid 1654).
USER app
EXPOSE 8080
# For `serve`: the process answers /healthz (the image has no curl; bash's /dev/tcp is enough). Other commands exit
# before the first check.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["dotnet", "/app/issue-hygiene.dll"]
CMD ["--help"]
