using System.Reflection;

namespace IssueHygiene.Health;

/// <summary>
/// The version this build carries: from the git tag at build time (<c>Directory.Build.props</c>), with the commit
/// after a <c>+</c>. Shown by <c>--version</c>, <c>/status</c> and <c>issuehygiene_build_info</c>.
/// </summary>
public static class BuildVersion
{
    public static string Informational { get; } =
        typeof(BuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The version without build metadata (<c>1.2.0</c>, <c>1.2.1-dev.3</c>).</summary>
    public static string Short { get; } = Informational.Split('+')[0];
}
