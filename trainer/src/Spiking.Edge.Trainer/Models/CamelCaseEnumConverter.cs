using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spiking.Edge.Trainer.Models;

/// <summary>
/// Enums as camelCase strings. Reading accepts exactly the names (case-insensitive) other than "unspecified" and refuses
/// numbers and unknown names with a message that lists the valid choices.
/// </summary>
internal sealed class CamelCaseEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly T[] Valid = [.. Enum.GetValues<T>().Where(v => !v.ToString().Equals("Unspecified", StringComparison.Ordinal))];

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var choices = string.Join(", ", Valid.Select(ConfigCheck.Name));
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"expected one of the strings {choices}, found {Describe(reader.TokenType)}");
            }

            var text = reader.GetString() ?? string.Empty;
            foreach (var value in Valid)
            {
                if (string.Equals(ConfigCheck.Name(value), text, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            throw new JsonException($"'{text}' is not valid; valid choices: {choices}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ConfigCheck.Name(value));

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "a list",
            _ => token.ToString(),
        };
    }
}
