namespace IssueHygiene.Core.Secrets;

/// <summary>Where a text was found: the issue's title or description, or one note (comment) by id.</summary>
public sealed record SecretLocation(SecretPlace Place, long? NoteId = null)
{
    public static SecretLocation Title { get; } = new(SecretPlace.Title);

    public static SecretLocation Description { get; } = new(SecretPlace.Description);

    public static SecretLocation Note(long noteId) => new(SecretPlace.Note, noteId);

    /// <summary>Plain words for messages and logs: "the description", "comment 123".</summary>
    public override string ToString() => Place switch
    {
        SecretPlace.Title => "the title",
        SecretPlace.Description => "the description",
        _ => $"comment {NoteId}",
    };
}
