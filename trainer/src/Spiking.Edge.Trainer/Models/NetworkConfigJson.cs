using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Spiking.Edge.Trainer.Models;

/// <summary>
/// Loads and saves <see cref="NetworkConfig"/> as JSON (System.Text.Json, camelCase names, enums as camelCase strings,
/// comments and trailing commas allowed). Unknown or duplicate properties, missing required ones, wrong types, unknown
/// enum names and out-of-range values are refused with a one-line <see cref="ConfigException"/> that names the JSON path
/// and, for a fixed set, the valid choices.
/// </summary>
public static partial class NetworkConfigJson
{
    /// <summary>The serializer options used for reading and writing.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads and validates a configuration file.</summary>
    /// <param name="path">File path.</param>
    /// <exception cref="ConfigException">The file holds a bad value (the message starts with the file name and JSON path).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static NetworkConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = File.ReadAllText(path);
        try
        {
            return Parse(text);
        }
        catch (ConfigException e)
        {
            throw new ConfigException(e.Path, $"{Path.GetFileName(path)}: {e.Message[(e.Path.Length + 2)..]}", e);
        }
    }

    /// <summary>Parses and validates a configuration.</summary>
    /// <param name="json">JSON text.</param>
    /// <exception cref="ConfigException">A bad value.</exception>
    public static NetworkConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        NetworkConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<NetworkConfig>(json, Options);
        }
        catch (JsonException e)
        {
            throw Translate(e);
        }

        if (config is null)
        {
            throw new ConfigException("$", "the document is null; expected an object with inputSize, layers and outputSize");
        }

        config.Validate();
        return config;
    }

    /// <summary>Parses any settings record with the same rules as a network configuration (camelCase, enums as strings,
    /// unknown properties refused with their JSON path).</summary>
    /// <typeparam name="T">Record type.</typeparam>
    /// <param name="json">JSON text.</param>
    /// <exception cref="ConfigException">A bad value or a null document.</exception>
    public static T ParseObject<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new ConfigException("$", $"the document is null; expected an object of {typeof(T).Name} properties");
        }
        catch (JsonException e)
        {
            throw Translate(e);
        }
    }

    /// <summary>The configuration as indented JSON (null options objects are left out).</summary>
    /// <param name="config">Configuration.</param>
    public static string Serialize(NetworkConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return JsonSerializer.Serialize(config, Options);
    }

    /// <summary>Validates and writes a configuration file.</summary>
    /// <param name="config">Configuration.</param>
    /// <param name="path">File path.</param>
    public static void Save(NetworkConfig config, string path)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrEmpty(path);
        config.Validate();
        File.WriteAllText(path, Serialize(config) + Environment.NewLine);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
        };
        options.Converters.Add(new CamelCaseEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static ConfigException Translate(JsonException e)
    {
        var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
        var where = e.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        var unmapped = UnmappedProperty().Match(message);
        if (unmapped.Success)
        {
            var name = unmapped.Groups["name"].Value;
            var parent = path.EndsWith("." + name, StringComparison.Ordinal) ? path[..^(name.Length + 1)] : path;
            return new ConfigException($"{parent}.{name}", $"unknown property '{name}'{where}; valid properties: {ValidProperties(unmapped.Groups["type"].Value)}", e);
        }

        var missing = MissingRequired().Match(message);
        if (missing.Success)
        {
            return new ConfigException(path, $"missing required propert{(missing.Groups["names"].Value.Contains(',', StringComparison.Ordinal) ? "ies" : "y")} {missing.Groups["names"].Value}{where}", e);
        }

        var convert = CannotConvert().Match(message);
        if (convert.Success)
        {
            return new ConfigException(path, $"expected {Friendly(convert.Groups["type"].Value)}{where}", e);
        }

        var duplicate = DuplicateProperty().Match(message);
        if (duplicate.Success)
        {
            return new ConfigException(path, $"duplicate property '{duplicate.Groups["name"].Value}'{where}", e);
        }

        if (message.Contains("doesn't allow setting null values", StringComparison.Ordinal))
        {
            return new ConfigException(path, $"null is not allowed here{where}", e);
        }

        message = message.Replace(Environment.NewLine, " ", StringComparison.Ordinal).Replace('\n', ' ').TrimEnd('.');
        var malformed = e.InnerException is JsonException || e.GetType() != typeof(JsonException) ? "malformed JSON: " : string.Empty;
        return new ConfigException(path, $"{malformed}{message}{where}", e);
    }

    private static string ValidProperties(string typeName)
    {
        var type = typeof(NetworkConfig).Assembly.GetType(typeName);
        if (type is null)
        {
            return "(see the documentation)";
        }

        return string.Join(", ", Options.GetTypeInfo(type).Properties.Select(p => p.Name));
    }

    private static string Friendly(string typeName)
    {
        var name = typeName.Replace("System.Nullable`1[", string.Empty, StringComparison.Ordinal).TrimEnd(']');
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        if (name.StartsWith("System.Collections.Generic.IReadOnlyList`1", StringComparison.Ordinal) && bracket >= 0)
        {
            return $"a list of {Friendly(name[(bracket + 1)..])}";
        }

        return name switch
        {
            "System.Int32" => "an integer (32-bit)",
            "System.Int64" => "an integer (64-bit)",
            "System.Single" => "a number",
            "System.Boolean" => "true or false",
            "System.String" => "a string",
            _ when name.EndsWith("Options", StringComparison.Ordinal) || name.EndsWith("Config", StringComparison.Ordinal) =>
                $"an object ({name[(name.LastIndexOf('.') + 1)..]})",
            _ => name[(name.LastIndexOf('.') + 1)..],
        };
    }

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped to any \\.NET member contained in type '(?<type>[^']*)'")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("Duplicate property '(?<name>[^']*)'")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex("missing required properties(?: including)?: ?(?<names>.*?)\\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("could not be converted to (?<type>[^ .]+(?:\\.[^ .]+)*(?:\\[[^\\]]*\\])?)")]
    private static partial Regex CannotConvert();
}
