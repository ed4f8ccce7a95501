namespace Spiking.Edge.ModelFormat;

/// <summary>
/// A model file or model object that is refused: names the source (file name), the field (a path such as
/// <c>layers[1].threshold[3]</c>, or empty) and, where known, the byte offset, with a one-line message
/// <c>"&lt;source&gt;: &lt;field&gt; at byte &lt;offset&gt;: &lt;expected&gt;, found &lt;found&gt;"</c>.
/// </summary>
public sealed class ModelFileException : Exception
{
    /// <summary>Creates the exception from where the problem is and what was expected and found.</summary>
    /// <param name="source">The file name or other name of the model being read or written.</param>
    /// <param name="field">The field path, for example <c>layers[1].threshold[3]</c>, or empty when the problem is not in one field.</param>
    /// <param name="offset">The byte offset in the file, or -1 when unknown.</param>
    /// <param name="expected">What was expected, for example <c>at least 1</c>.</param>
    /// <param name="found">What was found instead, for example <c>0</c>.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ModelFileException(string source, string field, long offset, string expected, string found, Exception? innerException = null)
        : base(FormatMessage(source, field, offset, expected, found), innerException)
    {
        Source = source ?? string.Empty;
        Field = field ?? string.Empty;
        Offset = offset < 0 ? -1 : offset;
        base.Source = Source;
    }

    /// <summary>The file name or other name of the model the problem is in.</summary>
    public new string Source { get; }

    /// <summary>The field path such as <c>layers[1].threshold[3]</c>, or empty when the problem is not in one field.</summary>
    public string Field { get; }

    /// <summary>The byte offset in the file, or -1 when unknown.</summary>
    public long Offset { get; }

    internal static string FormatMessage(string source, string field, long offset, string expected, string found)
    {
        string where = field ?? string.Empty;
        if (offset >= 0)
        {
            where = where.Length == 0 ? $"byte {offset}" : $"{where} at byte {offset}";
        }

        string head = where.Length == 0 ? $"{source}: " : $"{source}: {where}: ";
        return $"{head}{OneLine(expected)}, found {OneLine(found)}";
    }

    private static string OneLine(string text) => (text ?? string.Empty).Replace('\r', ' ').Replace('\n', ' ');
}
