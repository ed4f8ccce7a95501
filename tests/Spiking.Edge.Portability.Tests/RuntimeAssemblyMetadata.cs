using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Spiking.Edge.Portability.Tests;

/// <summary>
/// Reads the built Spiking.Edge.Runtime.dll with System.Reflection.Metadata (no loading, no reflection) and lists
/// what it defines and references.
/// </summary>
internal sealed class RuntimeAssemblyMetadata : IDisposable
{
    private readonly PEReader _pe;

    public RuntimeAssemblyMetadata()
    {
        Path = typeof(Spiking.Edge.Runtime.Network).Assembly.Location;
        _pe = new PEReader(File.OpenRead(Path));
        Reader = _pe.GetMetadataReader();
    }

    public string Path { get; }

    public MetadataReader Reader { get; }

    /// <summary>Full names of every TypeReference whose outermost scope is another assembly (the BCL: the core has no packages).</summary>
    public IReadOnlyList<string> ReferencedTypes() =>
        Reader.TypeReferences.Select(h => FullName(Reader.GetTypeReference(h))).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>Every MemberReference as "Type::member" for members of referenced types.</summary>
    public IReadOnlyList<string> ReferencedMembers()
    {
        var members = new List<string>();
        foreach (MemberReferenceHandle handle in Reader.MemberReferences)
        {
            MemberReference member = Reader.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                members.Add(FullName(Reader.GetTypeReference((TypeReferenceHandle)member.Parent)) + "::" + Reader.GetString(member.Name));
            }
            else
            {
                members.Add("<" + member.Parent.Kind + ">::" + Reader.GetString(member.Name));
            }
        }

        return members.Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    /// <summary>True when a TypeSpec's signature is a generic instantiation (ELEMENT_TYPE_GENERICINST, 0x15).</summary>
    public bool IsGenericInstantiation(TypeSpecificationHandle handle)
    {
        BlobReader blob = Reader.GetBlobReader(Reader.GetTypeSpecification(handle).Signature);
        return blob.Length > 0 && blob.ReadByte() == 0x15;
    }

    /// <summary>Namespace.Name, with nested types written Outer+Inner.</summary>
    public string FullName(TypeReference type)
    {
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(Reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope)) + "+" + Reader.GetString(type.Name);
        }

        string ns = Reader.GetString(type.Namespace);
        return ns.Length == 0 ? Reader.GetString(type.Name) : ns + "." + Reader.GetString(type.Name);
    }

    public void Dispose() => _pe.Dispose();
}
