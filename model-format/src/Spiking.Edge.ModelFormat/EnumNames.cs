using System.Globalization;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Spiking.Edge.ModelFormat;

/// <summary>
/// The .proto spelling of an enum value without its type prefix (<c>LIF</c>, <c>CSR</c>, <c>MEMBRANE_SUM</c>), the
/// name semantics.md uses; numbers the schema does not know read <c>unknown value N</c>.
/// </summary>
internal static class EnumNames
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        string? name = ProtoName(value);
        if (name == null)
        {
            return "unknown value " + Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        string? unspecified = ProtoName(default(T));
        const string Suffix = "UNSPECIFIED";
        if (unspecified != null && unspecified.EndsWith(Suffix, StringComparison.Ordinal))
        {
            string prefix = unspecified[..^Suffix.Length];
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }

    private static string? ProtoName<T>(T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            return null;
        }

        FieldInfo? field = typeof(T).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();
    }
}
