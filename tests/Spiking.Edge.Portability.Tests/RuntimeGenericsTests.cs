using System.Reflection.Metadata.Ecma335;

namespace Spiking.Edge.Portability.Tests;

/// <summary>nanoFramework v1 has no generics: the runtime's metadata must define and use none (PORTABILITY.md, check 1).</summary>
public class RuntimeGenericsTests
{
    [Fact]
    public void Runtime_assembly_defines_no_generic_parameters()
    {
        using var metadata = new RuntimeAssemblyMetadata();
        Assert.Equal(0, metadata.Reader.GetTableRowCount(TableIndex.GenericParam));
    }

    [Fact]
    public void Runtime_assembly_instantiates_no_generic_methods()
    {
        using var metadata = new RuntimeAssemblyMetadata();
        Assert.Equal(0, metadata.Reader.GetTableRowCount(TableIndex.MethodSpec));
    }

    [Fact]
    public void Runtime_assembly_instantiates_no_generic_types()
    {
        using var metadata = new RuntimeAssemblyMetadata();
        var generic = metadata.Reader.TypeSpecifications().Where(metadata.IsGenericInstantiation).ToList();
        Assert.True(generic.Count == 0, $"{generic.Count} generic type instantiations in {metadata.Path}");
    }
}
