using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IssueHygiene.GitLab.Tests.Samples;

/// <summary>
/// Checks a DTO against one of GitLab's JSON schemas: the schema lists every field the mapper relies
/// on, and each DTO property the schema describes has a compatible CLR type (nullable where the schema allows null).
/// </summary>
internal static class SchemaAssert
{
    public static void MatchesDto(string schemaJson, JsonTypeInfo dto, bool arrayOfItems, params string[] fieldsWeRelyOn)
    {
        using var schema = JsonDocument.Parse(schemaJson);
        var root = arrayOfItems ? schema.RootElement.GetProperty("items") : schema.RootElement;
        var properties = root.GetProperty("properties");

        foreach (var field in fieldsWeRelyOn)
        {
            Assert.True(properties.TryGetProperty(field, out _), $"schema lacks '{field}'");
            Assert.Contains(dto.Properties, p => p.Name == field);
        }

        foreach (var property in dto.Properties)
        {
            if (!properties.TryGetProperty(property.Name, out var declared) || !declared.TryGetProperty("type", out var typeElement))
            {
                continue;
            }

            var types = typeElement.ValueKind == JsonValueKind.Array
                ? typeElement.EnumerateArray().Select(t => t.GetString()!).ToList()
                : [typeElement.GetString()!];
            var clrType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var clrNullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || (!property.PropertyType.IsValueType && property.IsGetNullable);

            if (types.Contains("null"))
            {
                Assert.True(clrNullable, $"'{property.Name}' may be null in GitLab's schema but {property.PropertyType.Name} is not nullable");
            }

            var nonNull = types.Where(t => t != "null").ToList();
            Assert.True(nonNull.All(t => Compatible(t, clrType)),
                $"'{property.Name}': schema type [{string.Join(", ", nonNull)}] does not fit {clrType.Name}");
        }
    }

    private static bool Compatible(string schemaType, Type clrType) => schemaType switch
    {
        "integer" => clrType == typeof(long) || clrType == typeof(int),
        "string" or "date" => clrType == typeof(string) || clrType == typeof(DateTimeOffset) || clrType == typeof(DateOnly),
        "boolean" => clrType == typeof(bool),
        "array" => clrType.IsGenericType && clrType.GetGenericTypeDefinition() == typeof(List<>),
        "object" => clrType.IsClass && clrType != typeof(string),
        _ => false,
    };
}
