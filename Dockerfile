# syntax=docker/dockerfile:1
# Multi-stage build of the issue-hygiene executable. Build: docker build -t issue-hygiene .
# Run:   docker run --rm issue-hygiene rules check
#        docker run --rm -v "$PWD/examples:/examples:ro" issue-hygiene lint --issue-json /examples/issue-needs-triage.json

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the layer is reused until dependencies change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig IssueHygiene.sln ./
COPY src/IssueHygiene.Core/IssueHygiene.Core.csproj src/IssueHygiene.Core/
COPY src/IssueHygiene.GitLab/IssueHygiene.GitLab.csproj src/IssueHygiene.GitLab/
COPY src/IssueHygiene.Storage/IssueHygiene.Storage.csproj src/IssueHygiene.Storage/
COPY src/IssueHygiene.GitLabSimulator/IssueHygiene.GitLabSimulator.csproj src/IssueHygiene.GitLabSimulator/
COPY src/IssueHygiene/IssueHygiene.csproj src/IssueHygiene/
RUN dotnet restore src/IssueHygiene/IssueHygiene.csproj
COPY src/ src/
COPY rules/ rules/
# Restores again for the runtime identifier that ReadyToRun compiles for (see src/IssueHygiene/IssueHygiene.csproj).
RUN dotnet publish src/IssueHygiene/IssueHygiene.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# State (SQLite queue, lint-note index, audit log) lives in a volume owned by the non-root user.
RUN mkdir -p /app/data && chown -R app:app /app/data
VOLUME ["/app/data"]
ENV IssueHygiene__Rules__Path=/app/rules/handbook.yml \
    IssueHygiene__Storage__ConnectionString="Data Source=/app/data/issue-hygiene.db" \
    ASPNETCORE_URLS=http://+:8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# The aspnet image ships the unprivileged user `app` (uid 1654).
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/issue-hygiene.dll"]
CMD ["--help"]
