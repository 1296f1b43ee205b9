using IssueHygiene.Hosting;

namespace IssueHygiene.Cli;

/// <summary>A file named on the command line: read whole, or a <see cref="UsageException"/> naming it and why not.</summary>
public static class InputFile
{
    /// <param name="path">The path as given.</param>
    /// <param name="what">What the file should hold, for the message ("issue file").</param>
    public static byte[] ReadBytes(string path, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UsageException($"cannot read {what} {path}: {e.Message}");
        }
    }
}
