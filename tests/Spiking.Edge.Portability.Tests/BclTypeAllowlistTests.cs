using System.Reflection.Metadata;
using Spiking.Edge.TestSupport;

namespace Spiking.Edge.Portability.Tests;

/// <summary>Every BCL type the runtime references exists in nanoFramework v1's mscorlib (PORTABILITY.md, check 2).</summary>
public class BclTypeAllowlistTests
{
    private static HashSet<string> LoadAllowlist()
    {
        string path = TestPaths.NanoFrameworkTypes;
        Skip.IfNot(File.Exists(path), $"nanoFramework type list not found at {path}; it lives in ../shared/data beside the repository.");
        return File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ')[0])
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The list flattens nested types to Namespace.Inner; Outer+Inner is accepted in that form too.</summary>
    private static bool IsAllowed(string type, HashSet<string> allowed)
    {
        if (allowed.Contains(type))
        {
            return true;
        }

        int plus = type.LastIndexOf('+');
        int dot = type.LastIndexOf('.', plus < 0 ? type.Length - 1 : plus);
        return plus > 0 && dot > 0 && allowed.Contains(type[..dot] + "." + type[(plus + 1)..]);
    }

    [SkippableFact]
    public void Every_referenced_bcl_type_is_in_the_nanoframework_mscorlib_list()
    {
        HashSet<string> allowed = LoadAllowlist();
        using var metadata = new RuntimeAssemblyMetadata();
        var missing = metadata.ReferencedTypes()
            .Where(t => !IsAllowed(t, allowed) && !CompilerSynthesizedAttributes.Types.Contains(t))
            .ToList();
        Assert.True(missing.Count == 0, "Types not in nanoFramework v1 mscorlib: " + string.Join(", ", missing));
    }

    [Fact]
    public void Compiler_synthesized_attribute_types_are_used_only_as_attributes()
    {
        using var metadata = new RuntimeAssemblyMetadata();
        MetadataReader reader = metadata.Reader;
        var attributeConstructors = new HashSet<EntityHandle>(
            reader.CustomAttributes.Select(h => reader.GetCustomAttribute(h).Constructor));
        foreach (MemberReferenceHandle handle in reader.MemberReferences)
        {
            MemberReference member = reader.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            string type = metadata.FullName(reader.GetTypeReference((TypeReferenceHandle)member.Parent));
            if (CompilerSynthesizedAttributes.Types.Contains(type))
            {
                Assert.Equal(".ctor", reader.GetString(member.Name));
                Assert.Contains((EntityHandle)handle, attributeConstructors);
            }
        }
    }
}
