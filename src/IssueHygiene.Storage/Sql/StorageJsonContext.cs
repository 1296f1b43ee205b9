using System.Text.Json.Serialization;

namespace IssueHygiene.Storage.Sql;

/// <summary>Serialization code generated at compile time for the JSON the store keeps (an audit entry's rule ids), so it needs no reflection.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
