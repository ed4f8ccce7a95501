using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Spiking.Edge.Portability.Tests;

internal static class RuntimeMetadataExtensions
{
    /// <summary>Every row of the TypeSpec table (MetadataReader has no collection for it).</summary>
    public static IEnumerable<TypeSpecificationHandle> TypeSpecifications(this MetadataReader reader)
    {
        int rows = reader.GetTableRowCount(TableIndex.TypeSpec);
        for (int row = 1; row <= rows; row++)
        {
            yield return MetadataTokens.TypeSpecificationHandle(row);
        }
    }
}
