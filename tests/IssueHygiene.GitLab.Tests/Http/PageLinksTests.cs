using IssueHygiene.GitLab.Pagination;

namespace IssueHygiene.GitLab.Tests.Http;

public sealed class PageLinksTests
{
    private static readonly Uri ApiRoot = new("https://gitlab.test/api/v4/");
    private static readonly Uri Page1 = new("https://gitlab.test/api/v4/projects/8/issues?state=opened&per_page=3");

    private static PageLinks Read(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return PageLinks.FromHeaders(response.Headers, Page1, ApiRoot);
    }

    [Fact]
    public void FromHeaders_XNextPage_BuildsTheNextPageUrl()
    {
        var links = Read(("X-Next-Page", "2"), ("X-Page", "1"));

        Assert.Equal("https://gitlab.test/api/v4/projects/8/issues?state=opened&per_page=3&page=2", links.Next!.AbsoluteUri);
    }

    [Fact]
    public void FromHeaders_EmptyXNextPage_IsTheLastPage()
    {
        var links = Read(("X-Next-Page", ""), ("X-Page", "4"), ("X-Total-Pages", "4"));

        Assert.Null(links.Next);
        Assert.Equal(4, links.TotalPages);
    }

    [Fact]
    public void FromHeaders_LinkWithSeveralRelations_FollowsNext()
    {
        var links = Read(("Link",
            "<https://gitlab.test/api/v4/projects/8/issues?id=8&page=1&per_page=3>; rel=\"prev\", " +
            "<https://gitlab.test/api/v4/projects/8/issues?id=8&page=3&per_page=3>; rel=\"next\", " +
            "<https://gitlab.test/api/v4/projects/8/issues?id=8&page=1&per_page=3>; rel=\"first\""));

        Assert.Equal("https://gitlab.test/api/v4/projects/8/issues?id=8&page=3&per_page=3", links.Next!.AbsoluteUri);
    }

    [Fact]
    public void FromHeaders_LinkWithoutNext_IsTheLastPage()
    {
        var links = Read(("Link", "<https://gitlab.test/api/v4/projects/8/issues?page=1>; rel=\"first\""));

        Assert.Null(links.Next);
        Assert.True(links.HasPaginationHeaders);
    }

    [Theory]
    [InlineData("X-Next-Page", "two")]
    [InlineData("X-Next-Page", "-1")]
    [InlineData("X-Total-Pages", "many")]
    [InlineData("Link", "<https://evil.test/api/v4/projects/8/issues?page=2>; rel=\"next\"")]
    [InlineData("Link", "<http://gitlab.test/api/v4/projects/8/issues?page=2>; rel=\"next\"")]
    [InlineData("Link", "</api/v4/projects/8/issues?page=2>; rel=\"next\"")]
    public void FromHeaders_BadHeader_ThrowsFormatException(string name, string value)
    {
        Assert.Throws<FormatException>(() => Read((name, value)));
    }

    [Theory]
    [InlineData("X-Total-Pages", "3")]
    [InlineData("X-Per-Page", "100")]
    [InlineData("X-Prev-Page", "")]
    [InlineData("X-Total", "12")]
    public void FromHeaders_AnyGitLabPaginationHeaderWithoutNext_IsTheLastPage(string name, string value)
    {
        var links = Read((name, value));

        Assert.Null(links.Next);
        Assert.True(links.HasPaginationHeaders);
    }

    [Fact]
    public void FromHeaders_NoHeaders_SaysSo()
    {
        var links = Read();

        Assert.Null(links.Next);
        Assert.False(links.HasPaginationHeaders);
    }

    [Fact]
    public void WithPage_ReplacesAnExistingPage()
    {
        var uri = PageLinks.WithPage(new Uri("https://gitlab.test/api/v4/x?page=2&per_page=5"), 7);

        Assert.Equal("https://gitlab.test/api/v4/x?per_page=5&page=7", uri.AbsoluteUri);
        Assert.Equal(7, PageLinks.PageOf(uri));
    }
}
