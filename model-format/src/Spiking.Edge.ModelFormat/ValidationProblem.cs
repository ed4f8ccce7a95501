namespace Spiking.Edge.ModelFormat;

/// <summary>One broken rule: the field path, what the rule expects and what the model holds.</summary>
internal readonly record struct ValidationProblem(string Field, string Expected, string Found)
{
    /// <summary>The problem as one line, <c>"field: expected, found x"</c>.</summary>
    public override string ToString() => $"{Field}: {Expected}, found {Found}";
}
