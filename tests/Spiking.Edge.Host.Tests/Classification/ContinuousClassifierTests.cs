using Spiking.Edge.Devices.Formats;
using Spiking.Edge.Host.Classification;
using Spiking.Edge.Host.Sources;
using Spiking.Edge.Host.Tests.Support;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Transforms;
using Spiking.Edge.Runtime.Kernels;

namespace Spiking.Edge.Host.Tests.Classification;

public class ContinuousClassifierTests
{
    private static readonly byte[] Model = HostTestModels.Build();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4_096)]
    public void A_file_source_gives_what_the_runtime_gives_run_directly_on_each_window(int bufferEvents)
    {
        var (path, events) = Recording(seed: 11, count: 3_000);
        var classifier = Classifier(WindowingOptions.FromCommandLine(20, null, null, null, null), new ClassifierOptions { BufferEvents = bufferEvents });

        var (summary, observer) = Run(classifier, path);

        var expected = WindowOracle.FixedDuration(Model, events, 20_000, 20_000);
        WindowOracle.AssertSame(expected, observer.Windows);
        Assert.True(WindowOracle.AnyOutput(expected), "the test model stayed silent on every window");
        Assert.Equal(StopReason.EndOfStream, summary.StopReason);
        Assert.Equal(expected.Count, summary.Windows);
        Assert.Equal(events.Length, summary.EventsRead);
        Assert.Equal(expected.Sum(w => w.SynOps), summary.SynOps);
    }

    [Fact]
    public void Overlapping_windows_each_run_on_their_own_network_and_see_their_own_events()
    {
        var (path, events) = Recording(seed: 12, count: 2_000);
        var classifier = Classifier(WindowingOptions.FromCommandLine(20, 5, null, null, null), new ClassifierOptions { BufferEvents = 300 });

        var (_, observer) = Run(classifier, path);

        Assert.Equal(4, classifier.ConcurrentWindows);
        WindowOracle.AssertSame(WindowOracle.FixedDuration(Model, events, 20_000, 5_000), observer.Windows);
    }

    [Fact]
    public void Windows_with_gaps_between_them_skip_the_events_in_the_gaps()
    {
        var (path, events) = Recording(seed: 13, count: 2_000);
        var classifier = Classifier(WindowingOptions.FromCommandLine(10, 25, null, null, null));

        var (_, observer) = Run(classifier, path);

        WindowOracle.AssertSame(WindowOracle.FixedDuration(Model, events, 10_000, 25_000), observer.Windows);
    }

    [Fact]
    public void The_default_window_is_the_models_sample_duration()
    {
        var (path, events) = Recording(seed: 14, count: 2_500);
        var classifier = Classifier(WindowingOptions.FromCommandLine(null, null, null, null, null));

        var (_, observer) = Run(classifier, path);

        long sample = HostTestModels.Ticks * HostTestModels.TickMicroseconds;
        Assert.Equal(sample, classifier.SampleMicroseconds);
        WindowOracle.AssertSame(WindowOracle.FixedDuration(Model, events, sample, sample), observer.Windows);
    }

    [Theory]
    [InlineData(500, 500)]
    [InlineData(400, 100)]
    [InlineData(300, 450)]
    public void Fixed_count_windows_hold_their_events_and_number_ceil_of_events_over_hop(int count, int hop)
    {
        var (path, events) = Recording(seed: 15, count: 2_150);
        var classifier = Classifier(WindowingOptions.FromCommandLine(null, null, count, hop, null), new ClassifierOptions { BufferEvents = 333 });

        var (summary, observer) = Run(classifier, path);

        Assert.Equal((events.Length + hop - 1) / hop, observer.Windows.Count);
        WindowOracle.AssertSame(WindowOracle.FixedCount(Model, events, count, hop), observer.Windows);
        Assert.Equal(observer.Windows.Count(w => w.Truncated), summary.TruncatedWindows);
        Assert.All(observer.Windows.Where(w => w.Events < count), w => Assert.True(w.Truncated));
    }

    [Fact]
    public void Fixed_duration_windows_number_the_non_empty_windows_and_only_the_last_is_truncated()
    {
        // 10 bursts of 50 events, one every 30 ms: 30 ms windows hold one burst each, 10 windows.
        var events = Bursts(bursts: 10, eventsPerBurst: 50, burstSpacingMicroseconds: 30_000, burstLengthMicroseconds: 2_000, seed: 3);
        string path = TestEvents.WriteNMnist(TestEvents.TempFolder(), events);
        var classifier = Classifier(WindowingOptions.FromCommandLine(30, null, null, null, null));

        var (summary, observer) = Run(classifier, path);

        Assert.Equal(10, observer.Windows.Count);
        Assert.All(observer.Windows, w => Assert.Equal(50, w.Events));
        Assert.Equal([false, false, false, false, false, false, false, false, false, true], observer.Windows.Select(w => w.Truncated));
        Assert.Equal(1, summary.TruncatedWindows);
    }

    [Fact]
    public void An_activity_trigger_opens_one_window_per_burst()
    {
        // Sparse background (one event per 4 ms) with 3 bursts of 200 events in 2 ms: rate:100/2 fires once per burst,
        // at about its 100th event, and the 10 ms window then holds the rest of the burst.
        var background = Enumerable.Range(0, 75).Select(i => new Event((ushort)(i % 34), (ushort)(i * 7 % 34), 1, i * 4_000L));
        var bursts = Bursts(bursts: 3, eventsPerBurst: 200, burstSpacingMicroseconds: 100_000, burstLengthMicroseconds: 2_000, seed: 4, startMicroseconds: 50_000);
        var events = background.Concat(bursts).OrderBy(e => e.TimestampMicroseconds).ToArray();
        string path = TestEvents.WriteNMnist(TestEvents.TempFolder(), events);
        var classifier = Classifier(WindowingOptions.FromCommandLine(10, null, null, null, "rate:100/2"));

        var (_, observer) = Run(classifier, path);

        Assert.Equal(3, observer.Windows.Count);
        Assert.Equal(1, classifier.ConcurrentWindows);
        Assert.All(observer.Windows, w => Assert.Equal(10_000, w.EndMicroseconds - w.StartMicroseconds));
        Assert.All(observer.Windows, w => Assert.InRange(w.Events, 100, 106)); // from the triggering (100th) burst event on, plus background
    }

    [Fact]
    public void The_window_limit_stops_after_that_many_windows_with_the_same_results()
    {
        var (path, events) = Recording(seed: 16, count: 3_000);
        var classifier = Classifier(WindowingOptions.FromCommandLine(20, null, null, null, null), new ClassifierOptions { BufferEvents = 500 });

        var (summary, observer) = Run(classifier, path, new RunLimits { MaxWindows = 3 });

        Assert.Equal(StopReason.MaxWindows, summary.StopReason);
        Assert.Equal(3, summary.Windows);
        WindowOracle.AssertSame(WindowOracle.FixedDuration(Model, events, 20_000, 20_000).Take(3).ToList(), observer.Windows);
        Assert.True(summary.EventsRead < events.Length);
    }

    [Fact]
    public void A_cancelled_run_stops_before_reading_and_says_so()
    {
        var (path, _) = Recording(seed: 17, count: 500);
        var classifier = Classifier(WindowingOptions.FromCommandLine(20, null, null, null, null));
        using var source = new FileEventSource(path, realtime: false);
        var observer = new RecordingObserver();

        var summary = classifier.Run(source, observer, RunLimits.None, new CancellationToken(canceled: true));

        Assert.Equal(StopReason.Interrupted, summary.StopReason);
        Assert.Equal(0, summary.Windows);
        Assert.Equal(0, summary.EventsRead);
    }

    [Fact]
    public void A_spent_duration_stops_the_run()
    {
        var (path, _) = Recording(seed: 18, count: 500);
        var classifier = Classifier(WindowingOptions.FromCommandLine(20, null, null, null, null));

        var (summary, _) = Run(classifier, path, new RunLimits { Duration = TimeSpan.Zero });

        Assert.Equal(StopReason.Duration, summary.StopReason);
        Assert.Equal(0, summary.Windows);
    }

    [Fact]
    public void A_known_true_class_gives_the_accuracy_over_windows()
    {
        var (path, events) = Recording(seed: 19, count: 3_000);
        var expected = WindowOracle.FixedDuration(Model, events, 20_000, 20_000);
        int truth = expected[0].Predicted;
        var classifier = Classifier(WindowingOptions.FromCommandLine(20, null, null, null, null), new ClassifierOptions { TrueClass = truth });

        var (summary, observer) = Run(classifier, path);

        Assert.Equal(expected.Count, summary.LabelledWindows);
        Assert.Equal(expected.Count(w => w.Predicted == truth), summary.CorrectWindows);
        Assert.Equal((double)summary.CorrectWindows / summary.LabelledWindows, summary.Accuracy);
        Assert.All(observer.Windows, w => Assert.Equal(w.PredictedClass == truth, w.IsCorrect));
        Assert.All(observer.Windows, w => Assert.Equal(w.PredictedClass.ToString(System.Globalization.CultureInfo.InvariantCulture), w.PredictedLabel));
    }

    [Fact]
    public void Each_window_energy_is_the_formula_on_its_counts()
    {
        var (path, _) = Recording(seed: 20, count: 1_500);
        var energy = EnergyModel.Parse("synop=2,update=0.5,event=7");
        var classifier = Classifier(WindowingOptions.FromCommandLine(20, null, null, null, null), new ClassifierOptions { Energy = energy });

        var (summary, observer) = Run(classifier, path);

        Assert.All(observer.Windows, w => Assert.Equal((w.SynOps * 2.0) + (w.NeuronUpdates * 0.5) + (w.Events * 7.0), w.EnergyPicojoules));
        Assert.Equal(observer.Windows.Average(w => w.EnergyPicojoules), summary.MeanEnergyPicojoules, 9);
    }

    [Fact]
    public void Windows_overlapping_more_than_64_fold_are_refused_naming_the_hop()
    {
        var error = Assert.Throws<HostOptionException>(() => Classifier(WindowingOptions.FromCommandLine(100, 1, null, null, null)));

        Assert.Equal("--hop-ms", error.Option);
        Assert.Equal("--hop-ms: windows would overlap 100-fold (window / hop); at most 64 windows may be open at once, so raise the hop", error.Message);
    }

    [Fact]
    public void A_source_of_another_geometry_is_downsampled_to_the_model_by_default()
    {
        var events = TestEvents.Random(seed: 21, count: 2_000, width: 320, height: 320, meanGapMicroseconds: 40);
        using var source = new ArraySource(events, 320, 320, chunk: 97);
        var classifier = Classifier(WindowingOptions.FromCommandLine(20, null, null, null, null));
        var observer = new RecordingObserver();

        classifier.Run(source, observer, RunLimits.None, CancellationToken.None);

        var downsampled = (Event[])events.Clone();
        int kept = new SpatialDownsample(320, 320, 34, 34, 1).Apply(downsampled, 0, downsampled.Length);
        Assert.Equal(downsampled.Length, kept);
        var adaptation = Assert.Single(observer.Adaptations);
        Assert.IsType<SpatialDownsample>(adaptation.Transform);
        Assert.Contains("downsample 320 x 320 -> 34 x 34", adaptation.Description, StringComparison.Ordinal);
        WindowOracle.AssertSame(WindowOracle.FixedDuration(Model, downsampled, 20_000, 20_000), observer.Windows);
    }

    [Fact]
    public void A_transform_spec_replaces_the_default()
    {
        var events = TestEvents.Random(seed: 22, count: 2_000, width: 320, height: 320, meanGapMicroseconds: 40);
        using var source = new ArraySource(events, 320, 320, chunk: 500);
        var classifier = Classifier(WindowingOptions.FromCommandLine(20, null, null, null, null), new ClassifierOptions { TransformSpec = "crop:306x306,downsample:9,polarity:on" });
        var observer = new RecordingObserver();

        classifier.Run(source, observer, RunLimits.None, CancellationToken.None);

        var expectedEvents = (Event[])events.Clone();
        var pipeline = Spiking.Edge.Devices.Transforms.TransformSpec.Parse("crop:306x306,downsample:9,polarity:on", 320, 320);
        int kept = pipeline.Apply(expectedEvents, 0, expectedEvents.Length);
        Assert.Contains("--transform \"crop:306x306,downsample:9,polarity:on\": 320 x 320 -> 34 x 34", Assert.Single(observer.Adaptations).Description, StringComparison.Ordinal);
        WindowOracle.AssertSame(WindowOracle.FixedDuration(Model, expectedEvents[..kept], 20_000, 20_000), observer.Windows);
    }

    [Fact]
    public void A_model_trained_with_a_transform_applies_it_by_default_and_a_transform_spec_overrides_it()
    {
        const string Recorded = "crop:306x306,downsample:9,polarity:on";
        byte[] model = HostTestModels.Build(notes: "evaluated on 100 samples; transform: " + Recorded);
        var events = TestEvents.Random(seed: 24, count: 2_000, width: 320, height: 320, meanGapMicroseconds: 40);
        var windowing = WindowingOptions.FromCommandLine(20, null, null, null, null);

        var byDefault = new ContinuousClassifier(model, new ScalarRowAccumulator(), windowing);
        var observer = new RecordingObserver();
        using (var source = new ArraySource(events, 320, 320, chunk: 250))
        {
            byDefault.Run(source, observer, RunLimits.None, CancellationToken.None);
        }

        var expectedEvents = (Event[])events.Clone();
        int kept = Spiking.Edge.Devices.Transforms.TransformSpec.Parse(Recorded, 320, 320).Apply(expectedEvents, 0, expectedEvents.Length);
        Assert.Equal(Recorded, byDefault.RecordedTransform);
        Assert.Contains($"the model's recorded transform \"{Recorded}\": 320 x 320 -> 34 x 34", Assert.Single(observer.Adaptations).Description, StringComparison.Ordinal);
        WindowOracle.AssertSame(WindowOracle.FixedDuration(model, expectedEvents[..kept], 20_000, 20_000), observer.Windows);

        var overridden = new ContinuousClassifier(model, new ScalarRowAccumulator(), windowing, new ClassifierOptions { TransformSpec = "downsample:34x34" });
        var overrideObserver = new RecordingObserver();
        using (var source = new ArraySource(events, 320, 320, chunk: 250))
        {
            overridden.Run(source, overrideObserver, RunLimits.None, CancellationToken.None);
        }

        Assert.Contains("--transform \"downsample:34x34\"", Assert.Single(overrideObserver.Adaptations).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_transform_that_does_not_fit_the_source_is_refused_in_one_line_naming_the_override()
    {
        byte[] model = HostTestModels.Build(notes: "transform: crop:306x306,downsample:9");
        var classifier = new ContinuousClassifier(model, new ScalarRowAccumulator(), WindowingOptions.FromCommandLine(20, null, null, null, null));
        var events = TestEvents.Random(seed: 25, count: 200, width: 100, height: 100, meanGapMicroseconds: 40);
        using var source = new ArraySource(events, 100, 100, chunk: 50);

        var error = Assert.Throws<HostOptionException>(() => classifier.Run(source, new RecordingObserver(), RunLimits.None, CancellationToken.None));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("the model's recorded transform \"crop:306x306,downsample:9\" does not fit the 100 x 100 source", error.Message, StringComparison.Ordinal);
        Assert.Contains("give --transform to override it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_recorded_without_a_transform_keeps_the_default_adaptation()
    {
        var classifier = new ContinuousClassifier(HostTestModels.Build(notes: "transform: none"), new ScalarRowAccumulator(), WindowingOptions.FromCommandLine(20, null, null, null, null));
        var events = TestEvents.Random(seed: 26, count: 500, width: 320, height: 320, meanGapMicroseconds: 40);
        using var source = new ArraySource(events, 320, 320, chunk: 100);
        var observer = new RecordingObserver();

        classifier.Run(source, observer, RunLimits.None, CancellationToken.None);

        Assert.Null(classifier.RecordedTransform);
        Assert.Contains("downsample 320 x 320 -> 34 x 34 (default", Assert.Single(observer.Adaptations).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_allocated_per_event()
    {
        var events = TestEvents.Random(seed: 23, count: 200_000, width: 34, height: 34, meanGapMicroseconds: 2);
        var classifier = Classifier(WindowingOptions.FromCommandLine(400, null, null, null, null));
        using var warm = new ArraySource(events[..20_000], 34, 34, chunk: 4_096);
        classifier.Run(warm, new RecordingObserver(), RunLimits.None, CancellationToken.None);
        using var source = new ArraySource(events, 34, 34, chunk: 4_096);
        var observer = new RecordingObserver();
        observer.Windows.Capacity = 64;

        long before = GC.GetAllocatedBytesForCurrentThread();
        classifier.Run(source, observer, RunLimits.None, CancellationToken.None);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Per window: the result object and its output-count copy (well under 1 KiB); per event: nothing.
        Assert.True(allocated < (observer.Windows.Count + 4) * 1_024, $"{allocated} bytes for {observer.Windows.Count} windows and {events.Length} events");
    }

    private static ContinuousClassifier Classifier(WindowingOptions windowing, ClassifierOptions? options = null) =>
        new(Model, new ScalarRowAccumulator(), windowing, options);

    private static (RunSummary Summary, RecordingObserver Observer) Run(ContinuousClassifier classifier, string path, RunLimits? limits = null)
    {
        using var source = new FileEventSource(path, realtime: false);
        var observer = new RecordingObserver();
        var summary = classifier.Run(source, observer, limits ?? RunLimits.None, CancellationToken.None);
        return (summary, observer);
    }

    private static (string Path, Event[] Events) Recording(int seed, int count)
    {
        var events = TestEvents.Random(seed, count, HostTestModels.Side, HostTestModels.Side, meanGapMicroseconds: 50, startMicroseconds: 1_234);
        string path = TestEvents.WriteNMnist(TestEvents.TempFolder(), events);
        var read = EventFiles.ReadAll(path).Events;
        Assert.Equal(events, read);
        return (path, read);
    }

    private static Event[] Bursts(int bursts, int eventsPerBurst, long burstSpacingMicroseconds, long burstLengthMicroseconds, int seed, long startMicroseconds = 0)
    {
        var random = new Random(seed);
        var events = new List<Event>();
        for (int b = 0; b < bursts; b++)
        {
            long start = startMicroseconds + (b * burstSpacingMicroseconds);
            events.AddRange(Enumerable.Range(0, eventsPerBurst)
                .Select(i => start + (i == 0 ? 0 : random.NextInt64(burstLengthMicroseconds)))
                .Order()
                .Select(t => new Event((ushort)random.Next(34), (ushort)random.Next(34), (byte)random.Next(2), t)));
        }

        return [.. events];
    }
}
