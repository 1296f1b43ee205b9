using IssueHygiene.GitLab.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IssueHygiene.GitLab.Tests.Client;

public sealed class GitLabOptionsTests
{
    [Theory]
    [InlineData("", "BaseUrl")]
    [InlineData("gitlab.com", "BaseUrl")]
    [InlineData("ftp://gitlab.com", "BaseUrl")]
    public void Check_BadBaseUrl_NamesTheKey(string baseUrl, string expectedKey)
    {
        var failures = GitLabOptionsValidator.Check(new GitLabOptions { BaseUrl = baseUrl, Token = "t" });

        Assert.Contains(failures, f => f.Contains($"GitLab:{expectedKey}", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NoTokenNorTokenFile_Fails()
    {
        var failures = GitLabOptionsValidator.Check(new GitLabOptions { BaseUrl = "https://gitlab.com" });

        Assert.Contains("GitLab:Token or GitLab:TokenFile must be set.", failures);
    }

    [Fact]
    public void Check_MissingTokenFile_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-token-{Guid.NewGuid():N}");

        var failures = GitLabOptionsValidator.Check(new GitLabOptions { BaseUrl = "https://gitlab.com", TokenFile = path });

        Assert.Contains(failures, f => f.Contains(path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 60, 100, "RequestsPerMinute")]
    [InlineData(2000, 0, 100, "NotesPerMinute")]
    [InlineData(2000, 60, 101, "PerPage")]
    [InlineData(2000, 60, 0, "PerPage")]
    public void Check_OutOfRangeNumbers_NameTheKey(int requests, int notes, int perPage, string key)
    {
        var failures = GitLabOptionsValidator.Check(new GitLabOptions
        {
            BaseUrl = "https://gitlab.com", Token = "t", RequestsPerMinute = requests, NotesPerMinute = notes, PerPage = perPage,
        });

        Assert.Contains(failures, f => f.Contains($"GitLab:{key}", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_Defaults_FitGitLabDotCom()
    {
        var options = new GitLabOptions { BaseUrl = "https://gitlab.com", Token = "t" };

        Assert.Empty(GitLabOptionsValidator.Check(options));
        Assert.Equal(2000, options.RequestsPerMinute);
        Assert.Equal(60, options.NotesPerMinute);
        Assert.Equal(100, options.PerPage);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryAfter);
    }

    [Fact]
    public void ResolveToken_TokenFileSet_ReadsTrimmedFileContent()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "  glpat-from-file\n");
            var options = new GitLabOptions { BaseUrl = "https://gitlab.com", Token = "ignored", TokenFile = path };

            Assert.Equal("glpat-from-file", options.ResolveToken());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("https://gitlab.example.com", "https://gitlab.example.com/api/v4/")]
    [InlineData("https://gitlab.example.com/", "https://gitlab.example.com/api/v4/")]
    [InlineData("https://example.com/gitlab/api/v4", "https://example.com/gitlab/api/v4/")]
    public void ApiRoot_AnyBaseUrlForm_EndsInApiV4(string baseUrl, string expected)
    {
        Assert.Equal(expected, new GitLabOptions { BaseUrl = baseUrl }.ApiRoot.AbsoluteUri);
    }

    [Fact]
    public void AddGitLabClient_ConfigurationSection_BindsEveryKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = "https://gitlab.example.com",
            ["GitLab:Token"] = "glpat-x",
            ["GitLab:RequestsPerMinute"] = "300",
            ["GitLab:NotesPerMinute"] = "30",
            ["GitLab:PerPage"] = "50",
            ["GitLab:MaxRetryAfter"] = "00:00:20",
            ["GitLab:Timeout"] = "00:00:05",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddGitLabClient(configuration.GetSection(GitLabOptions.SectionName)).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GitLabOptions>>().Value;

        Assert.Equal("https://gitlab.example.com", options.BaseUrl);
        Assert.Equal(300, options.RequestsPerMinute);
        Assert.Equal(30, options.NotesPerMinute);
        Assert.Equal(50, options.PerPage);
        Assert.Equal(TimeSpan.FromSeconds(20), options.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.IsType<GitLabClient>(provider.GetRequiredService<IGitLabClient>());
    }

    [Fact]
    public void AddGitLabClient_InvalidConfiguration_FailsAtStartUpValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = "not a url",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddGitLabClient(configuration.GetSection("GitLab")).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.Contains("GitLab:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("GitLab:Token", StringComparison.Ordinal));
    }
}
