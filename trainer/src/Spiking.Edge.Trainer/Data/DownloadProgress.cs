namespace Spiking.Edge.Trainer.Data;

/// <summary>Progress of one file of a dataset download.</summary>
/// <param name="FileName">The catalog file name (e.g. "Train.zip").</param>
/// <param name="Stage">What is happening: Downloading, Verifying, Extracting, Done, or Present (already there and verified).</param>
/// <param name="BytesDone">Bytes in hand so far, including a resumed partial file.</param>
/// <param name="BytesTotal">Total size when known.</param>
public sealed record DownloadProgress(string FileName, string Stage, long BytesDone, long? BytesTotal);
