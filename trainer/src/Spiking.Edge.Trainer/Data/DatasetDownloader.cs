using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Spiking.Edge.Trainer.Data;

/// <summary>
/// Downloads the datasets of <see cref="DatasetCatalog"/> into a folder: http(s) or file:// sources, resumption of
/// an interrupted download (HTTP Range into <c>&lt;file&gt;.partial</c>), checksum verification before an atomic
/// rename, and zip extraction into the official layout. A checksum mismatch is refused and leaves no file behind.
/// </summary>
public sealed class DatasetDownloader
{
    private const int ChunkBytes = 1 << 16;
    private readonly HttpClient _http;

    /// <summary>Creates a downloader with its own HTTP client.</summary>
    public DatasetDownloader()
        : this(new HttpClient { Timeout = Timeout.InfiniteTimeSpan })
    {
    }

    /// <summary>Creates a downloader using <paramref name="http"/> (not disposed by the downloader).</summary>
    public DatasetDownloader(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    /// <summary>
    /// Downloads every file of dataset <paramref name="datasetName"/> into <paramref name="destinationRoot"/>
    /// (created when missing). Files already present with the right checksum are kept.
    /// </summary>
    /// <param name="datasetName">A <see cref="DatasetCatalog"/> name ("nmnist", "fashion-mnist").</param>
    /// <param name="destinationRoot">Destination folder.</param>
    /// <param name="progress">Receives per-file progress.</param>
    /// <param name="cancellationToken">Stops the download; a partial file stays for resumption.</param>
    /// <param name="sourceOverrides">Per file name (e.g. "Train.zip"), another source URL (mirror or file://).</param>
    /// <exception cref="ArgumentException">Unknown dataset or an override naming no file of the dataset.</exception>
    /// <exception cref="InvalidDataException">A checksum mismatch or a bad archive (one line, naming file and source).</exception>
    /// <exception cref="HttpRequestException">The server refused or the transfer failed.</exception>
    public Task DownloadAsync(
        string datasetName,
        string destinationRoot,
        IProgress<DownloadProgress>? progress,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? sourceOverrides = null)
        => DownloadAsync(DatasetCatalog.Get(datasetName), destinationRoot, progress, cancellationToken, sourceOverrides);

    internal async Task DownloadAsync(
        DatasetDescription dataset,
        string destinationRoot,
        IProgress<DownloadProgress>? progress,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? sourceOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(destinationRoot);
        if (sourceOverrides != null)
        {
            foreach (string key in sourceOverrides.Keys)
            {
                if (!dataset.Files.Any(f => f.FileName == key))
                {
                    throw new ArgumentException($"source override '{key}' names no file of {dataset.Name} ({string.Join(", ", dataset.Files.Select(f => f.FileName))})", nameof(sourceOverrides));
                }
            }
        }

        Directory.CreateDirectory(destinationRoot);
        foreach (var file in dataset.Files)
        {
            string source = sourceOverrides != null && sourceOverrides.TryGetValue(file.FileName, out var over) ? over : file.Url;
            await FetchAsync(file, source, destinationRoot, progress, cancellationToken).ConfigureAwait(false);
            if (file.ExtractTo != null)
            {
                progress?.Report(new DownloadProgress(file.FileName, "Extracting", 0, null));
                Extract(Path.Combine(destinationRoot, file.FileName), destinationRoot, file.ExtractTo);
            }

            progress?.Report(new DownloadProgress(file.FileName, "Done", 0, null));
        }
    }

    private async Task FetchAsync(DatasetFile file, string source, string root, IProgress<DownloadProgress>? progress, CancellationToken cancel)
    {
        string final = Path.Combine(root, file.FileName);
        string partial = final + ".partial";
        if (File.Exists(final))
        {
            if (await Md5Async(final, cancel).ConfigureAwait(false) == file.Md5)
            {
                progress?.Report(new DownloadProgress(file.FileName, "Present", new FileInfo(final).Length, new FileInfo(final).Length));
                return;
            }

            // A final file never has a wrong checksum unless changed since: fetch it again.
            File.Delete(final);
        }

        var uri = new Uri(source, UriKind.Absolute);
        if (uri.IsFile)
        {
            await CopyLocalAsync(file, uri.LocalPath, partial, progress, cancel).ConfigureAwait(false);
        }
        else if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        {
            await DownloadHttpAsync(file, uri, partial, progress, cancel).ConfigureAwait(false);
        }
        else
        {
            throw new ArgumentException($"{file.FileName}: source {source} is not http, https or file");
        }

        progress?.Report(new DownloadProgress(file.FileName, "Verifying", new FileInfo(partial).Length, new FileInfo(partial).Length));
        string actual = await Md5Async(partial, cancel).ConfigureAwait(false);
        if (actual != file.Md5)
        {
            File.Delete(partial);
            throw new InvalidDataException($"{file.FileName}: checksum mismatch: MD5 {actual}, expected {file.Md5} (source {source}); the download was deleted");
        }

        File.Move(partial, final, overwrite: true);
    }

    private async Task DownloadHttpAsync(DatasetFile file, Uri uri, string partial, IProgress<DownloadProgress>? progress, CancellationToken cancel)
    {
        long have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
        {
            // The partial file already holds everything the server has: the checksum decides.
            return;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{file.FileName}: {uri} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        bool resumed = response.StatusCode == HttpStatusCode.PartialContent;
        if (resumed && response.Content.Headers.ContentRange?.From != have)
        {
            throw new HttpRequestException($"{file.FileName}: {uri} answered a range starting at {response.Content.Headers.ContentRange?.From}, not at byte {have}");
        }

        if (!resumed)
        {
            have = 0; // The server ignored the range: start again.
        }

        long? total = response.Content.Headers.ContentLength is long length ? length + have : null;
        using var body = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        await AppendAsync(file.FileName, body, partial, resumed, have, total, progress, cancel).ConfigureAwait(false);
        if (total is long expected && new FileInfo(partial).Length != expected)
        {
            throw new HttpRequestException($"{file.FileName}: {uri} ended after {new FileInfo(partial).Length} of {expected} bytes; run again to resume");
        }
    }

    private static async Task CopyLocalAsync(DatasetFile file, string path, string partial, IProgress<DownloadProgress>? progress, CancellationToken cancel)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{file.FileName}: source file {path} not found", path);
        }

        long have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        long total = new FileInfo(path).Length;
        if (have > total)
        {
            have = 0;
        }

        using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, useAsync: true);
        source.Position = have;
        await AppendAsync(file.FileName, source, partial, have > 0, have, total, progress, cancel).ConfigureAwait(false);
    }

    private static async Task AppendAsync(string name, Stream body, string partial, bool append, long have, long? total, IProgress<DownloadProgress>? progress, CancellationToken cancel)
    {
        using var output = new FileStream(partial, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read, 1, useAsync: true);
        var buffer = new byte[ChunkBytes];
        long done = have;
        long reported = -1;
        int n;
        while ((n = await body.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
        {
            // Unbuffered writes: what was received is on disk if the transfer breaks, ready to resume.
            await output.WriteAsync(buffer.AsMemory(0, n), cancel).ConfigureAwait(false);
            done += n;
            if (progress != null && done - reported >= 1 << 20)
            {
                progress.Report(new DownloadProgress(name, "Downloading", done, total));
                reported = done;
            }
        }

        progress?.Report(new DownloadProgress(name, "Downloading", done, total));
    }

    private static async Task<string> Md5Async(string path, CancellationToken cancel)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes, useAsync: true);
#pragma warning disable CA5351 // MD5 checks integrity against the published checksums; it is not used for security.
        byte[] hash = await MD5.HashDataAsync(stream, cancel).ConfigureAwait(false);
#pragma warning restore CA5351
        return Convert.ToHexStringLower(hash);
    }

    // Extracts into a scratch folder, finds the folder holding the digit/class subfolders, and moves it into place.
    private static void Extract(string archive, string root, string folderName)
    {
        string scratch = Path.Combine(root, ".extract-" + Guid.NewGuid().ToString("N"));
        try
        {
            try
            {
                ZipFile.ExtractToDirectory(archive, scratch);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{archive}: not a readable zip archive ({e.Message})", e);
            }

            string content = scratch;
            var named = Directory.GetDirectories(scratch, "*", SearchOption.AllDirectories)
                .Where(d => string.Equals(Path.GetFileName(d), folderName, StringComparison.OrdinalIgnoreCase))
                .OrderBy(d => d.Length)
                .FirstOrDefault();
            if (named != null)
            {
                content = named;
            }
            else if (Directory.GetDirectories(scratch).Length == 1 && Directory.GetFiles(scratch).Length == 0)
            {
                content = Directory.GetDirectories(scratch)[0];
            }

            string target = Path.Combine(root, folderName);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(content, target);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}
