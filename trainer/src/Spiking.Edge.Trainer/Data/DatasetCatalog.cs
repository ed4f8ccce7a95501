namespace Spiking.Edge.Trainer.Data;

/// <summary>The datasets <see cref="DatasetDownloader"/> knows, with their official sources and published checksums.</summary>
public static class DatasetCatalog
{
    // Fashion-MNIST: the official download site and MD5s published in the README of
    // github.com/zalandoresearch/fashion-mnist ("Get the Data" table); the same values are in torchvision's
    // FashionMNIST.resources. Leaves the four .gz files in the destination folder.
    private const string FashionMnistBase = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    // N-MNIST (Orchard et al. 2015, CC BY-SA 4.0): the official archives on Mendeley Data (doi 10.17632/468j46mzdv.1,
    // linked from garrickorchard.com/datasets/n-mnist). File ids and MD5s as published by Tonic
    // (neuromorphs/tonic, tonic/datasets/nmnist.py: train_md5, test_md5) and SpikingJelly (Train.zip / Test.zip).
    private const string NMnistBase = "https://data.mendeley.com/public-files/datasets/468j46mzdv/files/";

    /// <summary>Every known dataset.</summary>
    public static IReadOnlyList<DatasetDescription> All { get; } =
    [
        new DatasetDescription(
            "fashion-mnist",
            "Fashion-MNIST (Zalando, MIT): 60,000 + 10,000 28x28 images, 10 classes; four IDX .gz files",
            [
                new DatasetFile("train-images-idx3-ubyte.gz", FashionMnistBase + "train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
                new DatasetFile("train-labels-idx1-ubyte.gz", FashionMnistBase + "train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
                new DatasetFile("t10k-images-idx3-ubyte.gz", FashionMnistBase + "t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
                new DatasetFile("t10k-labels-idx1-ubyte.gz", FashionMnistBase + "t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310"),
            ]),
        new DatasetDescription(
            "nmnist",
            "N-MNIST (Orchard et al. 2015, CC BY-SA 4.0): 60,000 + 10,000 recordings, 34x34x2; extracted to Train/<digit>/*.bin and Test/<digit>/*.bin",
            [
                new DatasetFile("Train.zip", NMnistBase + "39c25547-014b-4137-a934-9d29fa53c7a0/file_downloaded", "20959b8e626244a1b502305a9e6e2031", "Train"),
                new DatasetFile("Test.zip", NMnistBase + "05a4d654-7e03-4c15-bdfa-9bb2bcbea494/file_downloaded", "69ca8762b2fe404d9b9bad1103e97832", "Test"),
            ]),
    ];

    /// <summary>The dataset of that name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static DatasetDescription Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"unknown dataset '{name}'; known: {string.Join(", ", All.Select(d => d.Name))}", nameof(name));
    }
}
