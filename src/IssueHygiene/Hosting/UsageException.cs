namespace IssueHygiene.Hosting;

/// <summary>Bad input from the person at the terminal: printed as one line, exit code 2, never a stack trace.</summary>
public sealed class UsageException(string message) : Exception(message);
