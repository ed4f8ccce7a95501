namespace Spiking.Edge.EndToEnd.Tests;

[Collection("TorchSharp")]
public class CliErrorTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("train")]
    [InlineData("eval")]
    [InlineData("export")]
    [InlineData("inspect")]
    [InlineData("run")]
    [InlineData("datasets")]
    [InlineData("convert")]
    [InlineData("events")]
    public void Every_verb_has_help(string verb)
    {
        var (exit, output, _) = CliRunner.Run(verb, "--help");
        Assert.Equal(0, exit);
        Assert.Contains(verb, output, StringComparison.Ordinal);
        Assert.Contains("Usage", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_unknown_flag_gives_one_line_and_exit_code_2()
    {
        var (exit, output, error) = CliRunner.Run("inspect", "model.semodel", "--no-such-flag");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("--no-such-flag", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_error_in_a_nested_command_names_the_whole_command_path()
    {
        var (exit, _, error) = CliRunner.Run("events", "render", "recording.raw");
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("spiking events render: ", error, StringComparison.Ordinal);
        Assert.Contains("(see 'spiking events render --help')", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_file_is_named_in_one_line()
    {
        var (exit, _, error) = CliRunner.Run("inspect", "/nonexistent/model.semodel");
        Assert.Equal(1, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("/nonexistent/model.semodel", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_file_of_random_bytes_is_refused_in_one_line_naming_the_file()
    {
        string folder = CliRunner.TempFolder();
        string path = Path.Combine(folder, "noise.semodel");
        var bytes = new byte[3000];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        var (exit, _, error) = CliRunner.Run("inspect", path);
        Assert.Equal(1, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("noise.semodel", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_a_missing_event_file_fails_in_one_line()
    {
        string folder = CliRunner.TempFolder();
        var (exit, _, error) = CliRunner.Run("run", "--model", Path.Combine(folder, "absent.semodel"), Path.Combine(folder, "x.bin"));
        Assert.Equal(1, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_negative_epoch_count_is_refused_naming_the_flag()
    {
        string folder = CliRunner.TempFolder();
        var (exit, _, error) = CliRunner.Run("demo", "--epochs", "0", "--out", folder);
        Assert.Equal(1, exit);
        Assert.Contains("--epochs", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_download_whose_checksum_does_not_match_leaves_nothing_behind()
    {
        string folder = CliRunner.TempFolder();
        string fake = Path.Combine(folder, "fake.gz");
        File.WriteAllBytes(fake, [1, 2, 3, 4]);
        string to = Path.Combine(folder, "data");
        var (exit, _, error) = CliRunner.Run("datasets", "download", "fashion-mnist", "--to", to,
            "--source", "t10k-labels-idx1-ubyte.gz=file://" + fake,
            "--source", "t10k-images-idx3-ubyte.gz=file://" + fake,
            "--source", "train-labels-idx1-ubyte.gz=file://" + fake,
            "--source", "train-images-idx3-ubyte.gz=file://" + fake);
        Assert.Equal(1, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("checksum", error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.Exists(to) ? Directory.GetFiles(to, "*-ubyte.gz", SearchOption.AllDirectories) : []);
    }
}
