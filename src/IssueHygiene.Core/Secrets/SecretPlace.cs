namespace IssueHygiene.Core.Secrets;

/// <summary>Which part of an issue a text comes from.</summary>
public enum SecretPlace
{
    Title,
    Description,
    Note,
}
