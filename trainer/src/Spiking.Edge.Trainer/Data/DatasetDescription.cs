namespace Spiking.Edge.Trainer.Data;

/// <summary>A downloadable dataset: its name, what it is, and its files.</summary>
/// <param name="Name">The name given to <c>spiking datasets download</c>.</param>
/// <param name="Description">One line: what it is, licence, and the layout it leaves.</param>
/// <param name="Files">The files, each checked against its published checksum.</param>
public sealed record DatasetDescription(string Name, string Description, IReadOnlyList<DatasetFile> Files);
