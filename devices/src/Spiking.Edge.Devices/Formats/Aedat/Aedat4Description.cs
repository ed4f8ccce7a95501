using System.Globalization;
using System.Security;
using System.Xml;
using System.Xml.Linq;

namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>
/// The XML description of an AEDAT 4.0 IOHeader: <c>&lt;dv&gt;</c> → <c>&lt;node name="outInfo"&gt;</c> → one
/// <c>&lt;node name="ID"&gt;</c> per stream with <c>&lt;attr key="typeIdentifier"&gt;</c> and a child
/// <c>&lt;node name="info"&gt;</c> holding <c>sizeX</c> / <c>sizeY</c>.
/// </summary>
internal static class Aedat4Description
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = Aedat4Format.MaxHeaderBytes,
    };

    /// <summary>The streams of the description.</summary>
    /// <exception cref="InvalidDataException">The description is not XML or misses a required node (message says which).</exception>
    public static List<Aedat4StreamInfo> Parse(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"the description is not well-formed XML (line {e.LineNumber}, position {e.LinePosition})");
        }

        var root = document.Root;
        if (root == null || root.Name.LocalName != "dv")
        {
            throw new InvalidDataException("the description's root element is not <dv>");
        }

        var outInfo = root.Elements("node").FirstOrDefault(n => (string?)n.Attribute("name") == "outInfo")
            ?? throw new InvalidDataException("the description has no outInfo node");
        var streams = new List<Aedat4StreamInfo>();
        foreach (var node in outInfo.Elements("node"))
        {
            string name = (string?)node.Attribute("name") ?? string.Empty;
            if (!int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out int id))
            {
                throw new InvalidDataException($"stream node name '{Short(name)}' is not an integer id");
            }

            if (streams.Any(s => s.Id == id))
            {
                throw new InvalidDataException($"stream id {id} is declared twice");
            }

            string type = Attribute(node, "typeIdentifier")
                ?? throw new InvalidDataException($"stream {id} has no typeIdentifier");
            var info = node.Elements("node").FirstOrDefault(n => (string?)n.Attribute("name") == "info");
            int width = Size(id, info == null ? null : Attribute(info, "sizeX"), "sizeX");
            int height = Size(id, info == null ? null : Attribute(info, "sizeY"), "sizeY");
            streams.Add(new Aedat4StreamInfo(id, type, width, height));
        }

        if (streams.Count == 0)
        {
            throw new InvalidDataException("the description declares no stream");
        }

        return streams;
    }

    /// <summary>The description of a file holding one EVTS stream (id 0) of the given size, as DV writes it.</summary>
    public static string ForEvents(int width, int height, Aedat4Compression compression)
    {
        string name = compression switch
        {
            Aedat4Compression.Lz4 => "LZ4",
            Aedat4Compression.Lz4High => "LZ4_HIGH",
            Aedat4Compression.Zstd => "ZSTD",
            Aedat4Compression.ZstdHigh => "ZSTD_HIGH",
            _ => "NONE",
        };
        string path = "/mainloop/Recorder/outInfo/";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            <dv version="2.0">
                <node name="outInfo" path="{path}">
                    <node name="0" path="{path}0/">
                        <attr key="compression" type="string">{name}</attr>
                        <attr key="originalModuleName" type="string">{SecurityElement.Escape("Spiking.Edge")}</attr>
                        <attr key="originalOutputName" type="string">events</attr>
                        <attr key="typeDescription" type="string">Array of events (polarity ON/OFF).</attr>
                        <attr key="typeIdentifier" type="string">{Aedat4Format.EventsIdentifier}</attr>
                        <node name="info" path="{path}0/info/">
                            <attr key="sizeX" type="int">{width}</attr>
                            <attr key="sizeY" type="int">{height}</attr>
                            <attr key="source" type="string">Spiking.Edge</attr>
                        </node>
                    </node>
                </node>
            </dv>

            """);
    }

    private static string? Attribute(XElement node, string key) =>
        node.Elements("attr").FirstOrDefault(a => (string?)a.Attribute("key") == key)?.Value.Trim();

    private static int Size(int id, string? text, string key)
    {
        if (text == null)
        {
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int size) || size < 1 || size > Aedat4Format.MaxSensorSize)
        {
            throw new InvalidDataException($"stream {id}: {key} '{Short(text)}' is not a size within 1..{Aedat4Format.MaxSensorSize}");
        }

        return size;
    }

    private static string Short(string text) => AedatText.Preview(System.Text.Encoding.UTF8.GetBytes(text));
}
