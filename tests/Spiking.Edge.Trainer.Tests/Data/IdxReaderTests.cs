using Spiking.Edge.Trainer.Data;

namespace Spiking.Edge.Trainer.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Valid_images_file_reads_dimensions_and_pixels_raw_or_gzipped(bool gzip)
    {
        byte[] content = IdxFiles.Images(3, 2, 4, (i, r, c) => (byte)((i * 100) + (r * 10) + c));
        string path = _folder.File("images", gzip ? IdxFiles.Gzip(content) : content);

        var images = IdxReader.ReadImages(path);

        Assert.Equal((3, 2, 4), (images.Count, images.Rows, images.Cols));
        Assert.Equal(24, images.Pixels.Length);
        Assert.Equal([200, 201, 202, 203, 210, 211, 212, 213], images.GetImage(2));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Valid_labels_file_reads_the_labels(bool gzip)
    {
        byte[] content = IdxFiles.Labels([3, 0, 9]);
        string path = _folder.File("labels", gzip ? IdxFiles.Gzip(content) : content);

        Assert.Equal([3, 0, 9], IdxReader.ReadLabels(path));
    }

    [Fact]
    public void Wrong_magic_is_refused_naming_path_and_offset_0()
    {
        string path = _folder.File("images", IdxFiles.Labels([1, 2]));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Equal($"{path}: byte offset 0: magic 0x00000801 is not 0x00000803 (IDX unsigned-byte images)", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_images_file_is_refused_with_the_offset_where_data_ends(bool gzip)
    {
        byte[] content = IdxFiles.Images(2, 3, 3, (_, _, _) => 1);
        string path = _folder.File("images", gzip ? IdxFiles.Gzip(content[..^4]) : content[..^4]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("byte offset 30: truncated", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_bytes_after_the_announced_data_are_refused()
    {
        string path = _folder.File("labels", [.. IdxFiles.Labels([1, 2]), 7]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(path));

        Assert.Contains("byte offset 10: trailing bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_header_is_refused()
    {
        string path = _folder.File("images", [0, 0, 8, 3, 0, 0]);

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("byte offset 6: truncated header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_rows_are_refused_as_out_of_range()
    {
        string path = _folder.File("images", IdxFiles.Images(1, 0, 4, (_, _, _) => 0));

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("byte offset 8: rows 0 is out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_claimed_count_in_a_small_gzip_file_fails_without_allocating_it()
    {
        byte[] content = [.. IdxFiles.Images(0, 28, 28, (_, _, _) => 0)];
        content[4] = 0x7F; // 2 billion images claimed, none present.
        string path = _folder.File("images.gz", IdxFiles.Gzip(content));

        Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        string path = Path.Combine(_folder.Path, "absent");

        var error = Assert.Throws<FileNotFoundException>(() => IdxReader.ReadImages(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
