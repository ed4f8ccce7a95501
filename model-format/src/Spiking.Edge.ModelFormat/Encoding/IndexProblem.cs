namespace Spiking.Edge.ModelFormat.Encoding;

/// <summary>A malformed weight index: the byte of the index it was found at, what was expected and found there.</summary>
internal readonly record struct IndexProblem(long ByteOffset, string Expected, string Found);
