using System.Text.Json;
using IssueHygiene.GitLab.Dtos;
using IssueHygiene.GitLab.Json;

namespace IssueHygiene.GitLab.Tests.Json;

public sealed class GitLabTimestampConverterTests
{
    [Theory]
    [InlineData("2013-12-03T17:15:43Z", "2013-12-03T17:15:43.0000000+00:00")]
    [InlineData("2016-01-04T15:31:46.176Z", "2016-01-04T15:31:46.1760000+00:00")]
    [InlineData("2015-05-17 18:08:09 UTC", "2015-05-17T18:08:09.0000000+00:00")]
    [InlineData("2019-06-05T14:32:20.211+02:00", "2019-06-05T14:32:20.2110000+02:00")]
    [InlineData("2013-12-03 17:15:43 +0100", "2013-12-03T17:15:43.0000000+01:00")]
    public void TryParse_EitherGitLabForm_GivesTheInstant(string text, string expectedRoundTrip)
    {
        Assert.True(GitLabTimestampConverter.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expectedRoundTrip, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(expectedRoundTrip, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2015-13-45 18:08:09 UTC")]
    [InlineData("")]
    public void Deserialize_GarbledTimestamp_ThrowsJsonExceptionNamingTheValue(string text)
    {
        var json = $$"""{"id": 1, "iid": 1, "project_id": 1, "state": "opened", "created_at": "{{text}}"}""";

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabIssue));

        Assert.Contains("timestamp", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("2016-07-22", 2016, 7, 22)]
    [InlineData("2016-07-22T00:00:00Z", 2016, 7, 22)]
    public void Deserialize_DueDateAsDateOrTimestamp_GivesTheDate(string text, int year, int month, int day)
    {
        var json = $$"""{"id": 1, "title": "m", "due_date": "{{text}}"}""";

        var milestone = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabMilestone)!;

        Assert.Equal(new DateOnly(year, month, day), milestone.DueDate);
    }

    [Fact]
    public void Deserialize_NullableTimestampNull_GivesNull()
    {
        var json = """{"id": 1, "iid": 1, "project_id": 1, "state": "opened", "created_at": "2015-05-17 18:08:09 UTC", "closed_at": null}""";

        var issue = JsonSerializer.Deserialize(json, GitLabJsonContext.Default.GitLabIssue)!;

        Assert.Null(issue.ClosedAt);
        Assert.Equal(new DateTimeOffset(2015, 5, 17, 18, 8, 9, TimeSpan.Zero), issue.CreatedAt);
    }

    [Fact]
    public void Serialize_Timestamp_WritesIso8601()
    {
        var note = new GitLabNote { Id = 1, CreatedAt = new DateTimeOffset(2015, 5, 17, 18, 8, 9, TimeSpan.Zero) };

        var json = JsonSerializer.Serialize(note, GitLabJsonContext.Default.GitLabNote);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("2015-05-17T18:08:09.0000000+00:00", document.RootElement.GetProperty("created_at").GetString());
    }
}
