using IssueHygiene.Hosting;

namespace IssueHygiene.Cli;

/// <summary>
/// Checks that the files a command will write can be written, before the command does its work: a sweep of an hour
/// must not end in "cannot write hygiene.md". A usage error (exit 2) naming the option and the path otherwise.
/// </summary>
public static class OutputPaths
{
    /// <summary>The file can be created or overwritten; a file this check creates is removed again.</summary>
    public static void EnsureFileWritable(string option, string path)
    {
        var full = Path.GetFullPath(path);
        var existed = File.Exists(full);
        try
        {
            using (new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite))
            {
            }

            if (!existed)
            {
                File.Delete(full);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {path}: cannot write there ({Reason(e)})");
        }
    }

    /// <summary>The folder exists (it is created) and a file can be created in it.</summary>
    public static void EnsureFolderWritable(string option, string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {folder}: cannot create the folder ({Reason(e)})");
        }

        EnsureFileWritable(option, Path.Combine(folder, $".write-check-{Environment.ProcessId}"));
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "no such folder",
        _ => e.Message,
    };
}
