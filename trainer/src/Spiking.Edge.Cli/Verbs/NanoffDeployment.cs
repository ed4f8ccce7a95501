using System.Text.Json;
using System.Text.RegularExpressions;

namespace Spiking.Edge.Cli.Verbs;

/// <summary>
/// The file-deployment JSON of nanoff (the .NET nanoFramework firmware flasher) for an exported model:
/// <c>{ "SerialPort": PORT, "Files": [ { "DestinationFilePath": "I:\\model.sem", "SourceFilePath": "/abs/model.sem" } ] }</c>,
/// the keys of nanoFirmwareFlasher's FileDeploymentConfiguration / DeploymentFile (used by
/// <c>nanoff --filedeployment FILE</c> and the verb form <c>nanoff deploy file FILE</c>). Without a port, "SerialPort"
/// is left out and nanoff takes the one given on its command line. See edge-runtime/nanoframework/README.md.
/// </summary>
internal static partial class NanoffDeployment
{
    /// <summary>Where the sample app looks for the model by default.</summary>
    public const string DefaultDevicePath = @"I:\model.sem";

    /// <summary>
    /// A typical nanoFramework internal storage: the 256 KiB LittleFS "config" partition (drive I:) of nanoFramework's
    /// 4 MB-flash ESP32 partition table (nf-interpreter targets/ESP32/_IDF/esp32/partitions_nanoclr_4mb.csv); 2 MB
    /// boards have 64 KiB, 8 MB boards 2 MiB. Larger models draw a warning, not a refusal.
    /// </summary>
    public const long TypicalStorageBytes = 256 * 1024;

    /// <summary>The JSON file written beside <paramref name="modelPath"/>: the model's full name + ".nanoff.json".</summary>
    public static string JsonPathFor(string modelPath) => Path.GetFullPath(modelPath) + ".nanoff.json";

    /// <summary>
    /// Checks the deployment flags before anything is exported; <paramref name="devicePath"/> must look like a
    /// nanoFramework storage path (drive letter, colon, backslash, file name).
    /// </summary>
    public static void CheckFlags(bool deploy, string? serialPort, string? devicePath)
    {
        if (!deploy && (serialPort != null || devicePath != null))
        {
            throw new CliException("--serial-port and --device-path only apply with --nanoff-deploy");
        }

        if (serialPort != null && (serialPort.Trim().Length == 0 || serialPort.Any(char.IsWhiteSpace)))
        {
            throw new CliException($"--serial-port '{serialPort}' is not a port name (e.g. COM3 or /dev/ttyUSB0)");
        }

        if (devicePath != null && !DevicePathPattern().IsMatch(devicePath))
        {
            throw new CliException($"--device-path '{devicePath}' is not a device file path like {DefaultDevicePath} (drive letter, colon, backslash, file name)");
        }
    }

    /// <summary>
    /// Writes the JSON for <paramref name="modelPath"/> atomically (temporary sibling, then rename) and returns its
    /// path; <paramref name="warning"/> is set when the model is larger than <see cref="TypicalStorageBytes"/>.
    /// </summary>
    public static string Write(string modelPath, long modelBytes, string? serialPort, string? devicePath, out string? warning)
    {
        string source = Path.GetFullPath(modelPath);
        string destination = devicePath ?? DefaultDevicePath;
        string jsonPath = JsonPathFor(source);
        string temp = jsonPath + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                if (serialPort != null)
                {
                    json.WriteString("SerialPort", serialPort);
                }

                json.WriteStartArray("Files");
                json.WriteStartObject();
                json.WriteString("DestinationFilePath", destination);
                json.WriteString("SourceFilePath", source);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            File.Move(temp, jsonPath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        warning = modelBytes > TypicalStorageBytes
            ? $"{Path.GetFileName(source)} is {modelBytes:N0} bytes, more than the {TypicalStorageBytes:N0}-byte internal storage (I:) of a 4 MB-flash ESP32 running nanoFramework; prune harder (--prune), use a board with more flash or an SD card"
            : null;
        return jsonPath;
    }

    [GeneratedRegex(@"^[A-Za-z]:\\([^\\/:*?""<>|\r\n]+\\)*[^\\/:*?""<>|\r\n]+$")]
    private static partial Regex DevicePathPattern();
}
