namespace Spiking.Edge.Portability.Tests;

/// <summary>
/// Attribute types that Roslyn adds on its own and only when the target corlib defines them. Compiled against
/// nanoFramework's mscorlib (which lacks them) they are simply not emitted, so they are allowed here, but only as
/// attribute constructors: <see cref="BclTypeAllowlistTests"/> checks no code uses them otherwise.
/// </summary>
internal static class CompilerSynthesizedAttributes
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        // [assembly: RuntimeCompatibility(WrapNonExceptionThrows = true)], added to every C# assembly.
        "System.Runtime.CompilerServices.RuntimeCompatibilityAttribute",
        // [module: RefSafetyRules(11)], added when the corlib supports ref fields (net7+), whatever the LangVersion.
        "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
        // On auto-property backing fields and accessors.
        "System.Runtime.CompilerServices.CompilerGeneratedAttribute",
    };

    /// <summary>
    /// Added to auto-property backing fields in Debug builds only. Both types are in nanoFramework's mscorlib, so
    /// the allowlist check keeps them; the approved surface leaves them out so that it does not depend on the
    /// build configuration.
    /// </summary>
    public static readonly IReadOnlySet<string> DebugOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Diagnostics.DebuggerBrowsableAttribute",
        "System.Diagnostics.DebuggerBrowsableState",
        "System.Diagnostics.DebuggerBrowsableAttribute::.ctor",
    };
}
