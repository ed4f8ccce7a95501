using System.Text;
using System.Text.RegularExpressions;

namespace Spiking.Edge.Portability.Tests;

/// <summary>
/// A source scan for code that nanoFramework v1 cannot compile or run, used on the sample app (which is not built
/// here): the entries of the core's BannedSymbols.txt (namespaces and types, as text), generic type or method syntax
/// (a name directly followed by &lt;…&gt;, as the code style writes generics; comparisons are spaced),
/// async/await, interpolated strings (newer compilers lower them to a generic handler), unsafe code and usings outside
/// an allowlist. Comments and string contents are ignored. A heuristic, not a compiler: it has no semantic model.
/// </summary>
internal static class NanoSourceScanner
{
    /// <summary>Namespaces a nanoFramework v1 app of ours may import (prefix match for nanoFramework.* and Spiking.Edge.Runtime.*).</summary>
    public static readonly string[] AllowedUsings =
    {
        "System", "System.Diagnostics", "System.IO", "System.Reflection", "System.Runtime.CompilerServices",
        "System.Runtime.InteropServices", "System.Text", "System.Threading", "nanoFramework", "Spiking.Edge.Runtime",
    };

    private static readonly (string Rule, Regex Pattern)[] ExtraRules =
    {
        ("generic type or method", new Regex(@"\b[A-Za-z_]\w*<\s*[A-Za-z_][\w\.]*(\s*\[\s*\])?(\s*,\s*[A-Za-z_][\w\.]*(\s*\[\s*\])?)*\s*>(?![=>])", RegexOptions.Compiled)),
        ("async", new Regex(@"\basync\b", RegexOptions.Compiled)),
        ("await", new Regex(@"\bawait\b", RegexOptions.Compiled)),
        ("System.Threading.Tasks", new Regex(@"\bSystem\.Threading\.Tasks\b", RegexOptions.Compiled)),
        ("unsafe code", new Regex(@"\b(unsafe|stackalloc|fixed)\b", RegexOptions.Compiled)),
        ("tuple", new Regex(@"\bValueTuple\b|\bTuple\b", RegexOptions.Compiled)),
    };

    private static readonly Regex UsingDirective = new(@"^\s*using\s+(static\s+)?([\w\.]+)\s*;", RegexOptions.Compiled | RegexOptions.Multiline);

    /// <summary>The rules taken from a BannedSymbols.txt ("N:Namespace" / "T:Type`n" lines, ';' then a reason).</summary>
    public static IReadOnlyList<(string Rule, Regex Pattern)> RulesFromBannedSymbols(IEnumerable<string> lines)
    {
        var rules = new List<(string, Regex)>();
        foreach (string line in lines)
        {
            string symbol = line.Split(';')[0].Trim();
            if (symbol.Length < 3 || symbol[1] != ':')
            {
                continue;
            }

            string name = symbol[2..];
            int tick = name.IndexOf('`', StringComparison.Ordinal);
            if (symbol[0] == 'N')
            {
                rules.Add((symbol, new Regex(@"\b" + Regex.Escape(name) + @"\b", RegexOptions.Compiled)));
            }
            else if (symbol[0] == 'T')
            {
                string full = tick < 0 ? name : name[..tick];
                string simple = full[(full.LastIndexOf('.') + 1)..];
                string use = tick < 0 ? @"\b" + Regex.Escape(simple) + @"\s*\." : @"\b" + Regex.Escape(simple) + @"\s*<";
                rules.Add((symbol, new Regex(@"\b" + Regex.Escape(full) + @"\b|" + use, RegexOptions.Compiled)));
            }
        }

        return rules;
    }

    /// <summary>Every finding in <paramref name="source"/> as "line n: rule: text".</summary>
    public static IReadOnlyList<string> Scan(string source, IReadOnlyList<(string Rule, Regex Pattern)> bannedSymbols)
    {
        var findings = new List<string>();
        string code = StripCommentsAndStrings(source, findings);
        foreach (var (rule, pattern) in bannedSymbols.Concat(ExtraRules))
        {
            foreach (Match match in pattern.Matches(code))
            {
                findings.Add($"line {LineOf(code, match.Index)}: {rule}: '{match.Value}'");
            }
        }

        foreach (Match match in UsingDirective.Matches(code))
        {
            string ns = match.Groups[2].Value;
            bool allowed = AllowedUsings.Any(a => ns == a || ((a == "nanoFramework" || a == "Spiking.Edge.Runtime") && ns.StartsWith(a + ".", StringComparison.Ordinal)));
            if (!allowed)
            {
                findings.Add($"line {LineOf(code, match.Index)}: using outside the allowlist: '{ns}'");
            }
        }

        return findings;
    }

    /// <summary>
    /// The source with comments removed and every string or char literal emptied (line breaks kept, so line numbers
    /// stay right); an interpolated string is reported in <paramref name="findings"/>.
    /// </summary>
    public static string StripCommentsAndStrings(string source, List<string> findings)
    {
        var code = new StringBuilder(source.Length);
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            char next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && next == '*')
            {
                int end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                code.Append('\n', source[i..end].Count(ch => ch == '\n'));
                i = end;
            }
            else if (c == '"' || c == '\'' || ((c == '$' || c == '@') && (next == '"' || next == '$' || next == '@')))
            {
                int start = i;
                bool verbatim = false;
                while (source[i] == '$' || source[i] == '@')
                {
                    if (source[i] == '$')
                    {
                        findings.Add($"line {LineOf(source, start)}: interpolated string");
                    }

                    verbatim |= source[i] == '@';
                    i++;
                }

                i = SkipLiteral(source, i, verbatim);
                code.Append("\"\"").Append('\n', source[start..i].Count(ch => ch == '\n'));
            }
            else
            {
                code.Append(c);
                i++;
            }
        }

        return code.ToString();
    }

    /// <summary>Index just after the literal whose opening quote is at <paramref name="open"/>.</summary>
    private static int SkipLiteral(string source, int open, bool verbatim)
    {
        char quote = source[open];
        int i = open + 1;
        while (i < source.Length)
        {
            if (!verbatim && source[i] == '\\')
            {
                i += 2;
            }
            else if (source[i] == quote)
            {
                if (verbatim && i + 1 < source.Length && source[i + 1] == quote)
                {
                    i += 2;
                }
                else
                {
                    return i + 1;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;
}
