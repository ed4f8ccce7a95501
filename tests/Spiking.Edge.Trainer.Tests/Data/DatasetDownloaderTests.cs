using System.IO.Compression;
using System.Security.Cryptography;
using Spiking.Edge.Trainer.Data;

namespace Spiking.Edge.Trainer.Tests.Data;

public sealed class DatasetDownloaderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly byte[] _content = Enumerable.Range(0, 300_000).Select(i => (byte)((i * 7) ^ (i >> 8))).ToArray();

    public void Dispose() => _folder.Dispose();

    private string Destination => Path.Combine(_folder.Path, "dest");

    [Fact]
    public async Task Http_download_verifies_the_checksum_and_renames_into_place()
    {
        using var server = new LocalHttpServer(_content);
        var progress = new List<DownloadProgress>();

        await new DatasetDownloader().DownloadAsync(Dataset(server.Url, Md5(_content)), Destination, new SyncProgress(progress), CancellationToken.None);

        Assert.Equal(_content, File.ReadAllBytes(Path.Combine(Destination, "file.bin")));
        Assert.Equal(["file.bin"], Directory.GetFiles(Destination).Select(Path.GetFileName));
        Assert.Contains(progress, p => p.Stage == "Downloading" && p.BytesDone == _content.Length && p.BytesTotal == _content.Length);
    }

    [Fact]
    public async Task Interrupted_transfer_leaves_a_partial_file_and_the_next_run_resumes_with_a_range()
    {
        string partial = Path.Combine(Destination, "file.bin.partial");
        using var server = new LocalHttpServer(_content) { BreakFirstTransferWhenFileHasHalf = partial };
        var downloader = new DatasetDownloader();
        var dataset = Dataset(server.Url, Md5(_content));

        await Assert.ThrowsAnyAsync<Exception>(() => downloader.DownloadAsync(dataset, Destination, null, CancellationToken.None));
        long kept = new FileInfo(partial).Length;
        Assert.InRange(kept, 1, _content.Length - 1);
        Assert.False(File.Exists(Path.Combine(Destination, "file.bin")));

        await downloader.DownloadAsync(dataset, Destination, null, CancellationToken.None);

        Assert.Equal(["", $"bytes={kept}-"], server.RangeHeaders);
        Assert.Equal(_content, File.ReadAllBytes(Path.Combine(Destination, "file.bin")));
        Assert.False(File.Exists(partial));
    }

    [Fact]
    public async Task Existing_partial_file_is_continued_from_its_length()
    {
        using var server = new LocalHttpServer(_content);
        Directory.CreateDirectory(Destination);
        File.WriteAllBytes(Path.Combine(Destination, "file.bin.partial"), _content[..1234]);

        await new DatasetDownloader().DownloadAsync(Dataset(server.Url, Md5(_content)), Destination, null, CancellationToken.None);

        Assert.Equal(["bytes=1234-"], server.RangeHeaders);
        Assert.Equal(_content, File.ReadAllBytes(Path.Combine(Destination, "file.bin")));
    }

    [Fact]
    public async Task Server_ignoring_the_range_makes_the_download_start_over()
    {
        using var server = new LocalHttpServer(_content) { HonourRange = false };
        Directory.CreateDirectory(Destination);
        File.WriteAllBytes(Path.Combine(Destination, "file.bin.partial"), new byte[5000]);

        await new DatasetDownloader().DownloadAsync(Dataset(server.Url, Md5(_content)), Destination, null, CancellationToken.None);

        Assert.Equal(_content, File.ReadAllBytes(Path.Combine(Destination, "file.bin")));
    }

    [Fact]
    public async Task Checksum_mismatch_is_refused_and_leaves_nothing_behind()
    {
        using var server = new LocalHttpServer(_content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => new DatasetDownloader().DownloadAsync(Dataset(server.Url, new string('0', 32)), Destination, null, CancellationToken.None));

        Assert.StartsWith("file.bin: checksum mismatch: MD5 " + Md5(_content), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(Directory.GetFiles(Destination));
    }

    [Fact]
    public async Task File_url_source_is_copied_and_verified()
    {
        string source = _folder.File("source.bin", _content);

        await new DatasetDownloader().DownloadAsync(Dataset(new Uri(source).AbsoluteUri, Md5(_content)), Destination, null, CancellationToken.None);

        Assert.Equal(_content, File.ReadAllBytes(Path.Combine(Destination, "file.bin")));
    }

    [Fact]
    public async Task Catalog_dataset_with_an_overridden_file_source_refuses_content_with_the_wrong_checksum()
    {
        string source = _folder.File("fake.gz", _content);
        var overrides = new Dictionary<string, string> { ["train-images-idx3-ubyte.gz"] = new Uri(source).AbsoluteUri };

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => new DatasetDownloader().DownloadAsync("fashion-mnist", Destination, null, CancellationToken.None, overrides));

        Assert.Contains("expected 8d4fb7e6c68d591d4c3dfef9ec88bf0d", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Destination));
    }

    [Fact]
    public async Task Override_naming_no_file_of_the_dataset_is_refused()
    {
        var overrides = new Dictionary<string, string> { ["Train.zip"] = "file:///x" };

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => new DatasetDownloader().DownloadAsync("fashion-mnist", Destination, null, CancellationToken.None, overrides));

        Assert.Contains("Train.zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_dataset_name_lists_the_known_ones()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => new DatasetDownloader().DownloadAsync("cifar", Destination, null, CancellationToken.None));

        Assert.Contains("nmnist", error.Message, StringComparison.Ordinal);
        Assert.Contains("fashion-mnist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zip_archive_is_extracted_into_the_official_split_layout()
    {
        byte[] zip = Zip(("Train/0/00001.bin", [1, 2, 3, 4, 5]), ("Train/7/00002.bin", [7, 7, 7, 7, 7]));
        string source = _folder.File("Train.zip", zip);
        var dataset = new DatasetDescription("toy", "toy", [new DatasetFile("Train.zip", new Uri(source).AbsoluteUri, Md5(zip), "Train")]);

        await new DatasetDownloader().DownloadAsync(dataset, Destination, null, CancellationToken.None);

        Assert.Equal([1, 2, 3, 4, 5], File.ReadAllBytes(Path.Combine(Destination, "Train", "0", "00001.bin")));
        Assert.True(File.Exists(Path.Combine(Destination, "Train", "7", "00002.bin")));
        Assert.Equal(["Train"], Directory.GetDirectories(Destination).Select(Path.GetFileName));
    }

    [Fact]
    public async Task File_already_present_with_the_right_checksum_is_kept_without_fetching()
    {
        using var server = new LocalHttpServer(_content);
        Directory.CreateDirectory(Destination);
        File.WriteAllBytes(Path.Combine(Destination, "file.bin"), _content);

        await new DatasetDownloader().DownloadAsync(Dataset(server.Url, Md5(_content)), Destination, null, CancellationToken.None);

        Assert.Empty(server.RangeHeaders);
    }

    [Fact]
    public void Catalog_lists_official_sources_with_md5_checksums()
    {
        Assert.Equal(4, DatasetCatalog.Get("fashion-mnist").Files.Count);
        Assert.Equal(["Train", "Test"], DatasetCatalog.Get("NMNIST").Files.Select(f => f.ExtractTo));
        Assert.All(DatasetCatalog.All.SelectMany(d => d.Files), f => Assert.Matches("^[0-9a-f]{32}$", f.Md5));
        Assert.All(DatasetCatalog.All.SelectMany(d => d.Files), f => Assert.StartsWith("http", f.Url, StringComparison.Ordinal));
    }

    private static DatasetDescription Dataset(string url, string md5) => new("test", "test", [new DatasetFile("file.bin", url, md5)]);

    private static string Md5(byte[] data)
    {
#pragma warning disable CA5351 // Matches the published MD5 checksums; not a security use.
        return Convert.ToHexStringLower(MD5.HashData(data));
#pragma warning restore CA5351
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    /// <summary>Records progress synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(List<DownloadProgress> list) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value)
        {
            lock (list)
            {
                list.Add(value);
            }
        }
    }
}
