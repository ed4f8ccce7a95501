namespace Spiking.Edge.Trainer.Data;

/// <summary>One file of a downloadable dataset.</summary>
/// <param name="FileName">Name of the file in the destination folder; also the key of a source override.</param>
/// <param name="Url">Official source (http, https or file).</param>
/// <param name="Md5">Published MD5 checksum, lower-case hex.</param>
/// <param name="ExtractTo">For zip archives: the folder (below the destination) that receives the extracted
/// content, e.g. "Train"; null to keep the file as it is.</param>
public sealed record DatasetFile(string FileName, string Url, string Md5, string? ExtractTo = null);
