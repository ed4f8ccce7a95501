using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Format;
using Spiking.Edge.Runtime.Kernels;
using Spiking.Edge.Runtime.Memory;
using Spiking.Edge.Runtime.Neurons;

namespace Spiking.Edge.Runtime
{
    /// <summary>
    /// A loaded spiking network, run event by event with integer arithmetic exactly as model-format/spec/semantics.md
    /// says. <see cref="Load(byte[])"/> validates the file and allocates all state once (semantics §7); after it,
    /// <see cref="BeginSample"/>, <see cref="PushEvent"/>, <see cref="FinishSample"/> and the readers allocate nothing.
    /// </summary>
    /// <remarks>
    /// Event-driven schedule of one tick k (semantics §4): the leak of tick k is applied when tick k begins; each
    /// accepted input event of tick k adds its weight row to layer 0 at once (to its membranes, or to its drive buffer
    /// when it has one, §7); when the tick closes (an event of a later tick arrives, or <see cref="FinishSample"/>),
    /// each layer in order runs its neuron rule (§4.1–§4.3) and its events (y &gt; 0) are added as rows, scaled by y
    /// for GRADED outputs, into the next layer and, with recurrent weights and k + 1 &lt; T, into its own drive buffer
    /// for tick k + 1; then every layer is leaked for tick k + 1. Sums within a tick commute, so this equals the
    /// time-stepped definition. Not thread-safe: one thread drives one network.
    /// </remarks>
    public sealed class Network
    {
        private readonly LayerRuntime[] _layers;
        private readonly StateArena _arena;
        private readonly ReadoutMode _readout;
        private long _windowStart;
        private int _eventsThisTick;

        private Network(byte[] model, ModelDescriptor descriptor, IRowAccumulator accumulator)
        {
            InputWidth = descriptor.Width;
            InputHeight = descriptor.Height;
            InputPolarities = descriptor.Polarities;
            TickMicroseconds = descriptor.TickMicroseconds;
            TicksPerSample = descriptor.TicksPerSample;
            _readout = descriptor.Readout;
            _arena = new StateArena(descriptor);
            int count = descriptor.Layers.Length;
            _layers = new LayerRuntime[count];
            for (int l = 0; l < count; l++)
            {
                _layers[l] = new LayerRuntime(model, descriptor.Layers[l], _arena, accumulator, l == count - 1);
            }

            if (!_arena.IsFullyTaken)
            {
                throw new System.InvalidOperationException("state arena layout does not match semantics.md §7");
            }

            BeginSample(0);
        }

        /// <summary>Input width in pixels.</summary>
        public int InputWidth { get; }

        /// <summary>Input height in pixels.</summary>
        public int InputHeight { get; }

        /// <summary>1 (ON and OFF merged) or 2 (semantics §2).</summary>
        public int InputPolarities { get; }

        /// <summary>Length of one tick in microseconds.</summary>
        public int TickMicroseconds { get; }

        /// <summary>T, the ticks of one sample.</summary>
        public int TicksPerSample { get; }

        /// <summary>Number of layers.</summary>
        public int LayerCount => _layers.Length;

        /// <summary>Neurons of the last layer (the classes).</summary>
        public int OutputSize => _layers[_layers.Length - 1].Descriptor.OutputSize;

        /// <summary>Bytes of the state arena, equal to the formula of semantics §7.</summary>
        public long RequiredArenaBytes => _arena.RequiredBytes;

        /// <summary>The tick now being accumulated; <see cref="TicksPerSample"/> after <see cref="FinishSample"/>.</summary>
        public int CurrentTick { get; private set; }

        /// <summary>Stored synapses touched since <see cref="BeginSample"/>, recurrent rows included (semantics §6).</summary>
        public long SynOps { get; private set; }

        /// <summary>Neuron updates (one per neuron per closed tick) since <see cref="BeginSample"/> (semantics §6).</summary>
        public long NeuronUpdates { get; private set; }

        /// <summary>Input events that counted towards the input vector since <see cref="BeginSample"/>.</summary>
        public long EventsAccepted { get; private set; }

        /// <summary>Events before the window start or at or after tick T (semantics §2).</summary>
        public long EventsOutsideWindow { get; private set; }

        /// <summary>Events with x, y or polarity outside the input geometry (semantics §2).</summary>
        public long EventsOutOfGeometry { get; private set; }

        /// <summary>Events whose tick was already closed (semantics §2).</summary>
        public long EventsOutOfOrder { get; private set; }

        /// <summary>Events beyond MAX_EVENTS_PER_TICK within one tick (semantics §2).</summary>
        public long EventsOverTickBudget { get; private set; }

        /// <summary>
        /// The predicted class: index of the largest output spike count (SPIKE_COUNT) or membrane sum
        /// (MEMBRANE_SUM), ties to the lowest index (semantics §5). Meaningful after <see cref="FinishSample"/>.
        /// </summary>
        public int PredictedClass
        {
            get
            {
                LayerRuntime last = _layers[_layers.Length - 1];
                int size = last.Descriptor.OutputSize;
                int best = 0;
                if (_readout == ReadoutMode.SpikeCount)
                {
                    int[] ints = _arena.Ints;
                    for (int o = 1; o < size; o++)
                    {
                        if (ints[last.SpikeCountOffset + o] > ints[last.SpikeCountOffset + best])
                        {
                            best = o;
                        }
                    }
                }
                else
                {
                    long[] sums = _arena.Longs;
                    for (int o = 1; o < size; o++)
                    {
                        if (sums[last.SumsOffset + o] > sums[last.SumsOffset + best])
                        {
                            best = o;
                        }
                    }
                }

                return best;
            }
        }

        /// <summary>
        /// Validates <paramref name="modelBytes"/> and prepares a network that reads its weights in place (the
        /// array must not change afterwards). DENSE rows use <see cref="ScalarRowAccumulator"/>.
        /// </summary>
        /// <exception cref="ModelFormatException">The file is malformed or breaks a rule of semantics.md.</exception>
        public static Network Load(byte[] modelBytes)
        {
            return Load(modelBytes, new ScalarRowAccumulator());
        }

        /// <summary>As <see cref="Load(byte[])"/>, with DENSE rows added by <paramref name="accumulator"/>.</summary>
        /// <exception cref="ModelFormatException">The file is malformed or breaks a rule of semantics.md.</exception>
        public static Network Load(byte[] modelBytes, IRowAccumulator accumulator)
        {
            if (accumulator == null)
            {
                throw new System.ArgumentNullException(nameof(accumulator));
            }

            ModelDescriptor descriptor = ModelLoader.Load(modelBytes);
            return new Network(modelBytes, descriptor, accumulator);
        }

        /// <summary>Output size of layer <paramref name="layer"/>.</summary>
        public int GetLayerOutputSize(int layer)
        {
            return Layer(layer).Descriptor.OutputSize;
        }

        /// <summary>Input size of layer <paramref name="layer"/>.</summary>
        public int GetLayerInputSize(int layer)
        {
            return Layer(layer).Descriptor.InputSize;
        }

        /// <summary>
        /// Starts a sample whose window begins at <paramref name="windowStartMicroseconds"/> (t0 of semantics §2):
        /// membranes, currents, drive buffers, counts, sums and counters become 0, refractory counters N and SRC
        /// states their rest values, and tick 0 is being accumulated (semantics §5).
        /// </summary>
        public void BeginSample(long windowStartMicroseconds)
        {
            int[] ints = _arena.Ints;
            for (int l = 0; l < _layers.Length; l++)
            {
                LayerRuntime layer = _layers[l];
                int size = layer.Descriptor.OutputSize;
                Fill(ints, layer.MembraneOffset, size, 0);
                Fill(ints, layer.SpikeCountOffset, size, 0);
                Fill(ints, layer.DriveOffset, size, 0);
                Fill(ints, layer.CurrentOffset, size, 0);
                Fill(ints, layer.CounterOffset, size, layer.CounterLimit);
                if (layer.Descriptor.Src != null)
                {
                    Fill(ints, layer.FastOffset, size, layer.Descriptor.Src.RestFast);
                    Fill(ints, layer.SlowOffset, size, layer.Descriptor.Src.RestSlow);
                }

                layer.SpikesThisTick = 0;
            }

            long[] sums = _arena.Longs;
            for (int i = 0; i < sums.Length; i++)
            {
                sums[i] = 0;
            }

            _windowStart = windowStartMicroseconds;
            _eventsThisTick = 0;
            CurrentTick = 0;
            SynOps = 0;
            NeuronUpdates = 0;
            EventsAccepted = 0;
            EventsOutsideWindow = 0;
            EventsOutOfGeometry = 0;
            EventsOutOfOrder = 0;
            EventsOverTickBudget = 0;
        }

        /// <summary>
        /// Feeds one event (semantics §2): dropped and counted when outside the window, outside the geometry, of an
        /// already closed tick, or over the tick's budget; otherwise ticks before its own are closed and its
        /// weight row is added to layer 0 at once.
        /// </summary>
        public void PushEvent(int x, int y, int polarity, long timestampMicroseconds)
        {
            int tick = InputMapper.Tick(timestampMicroseconds, _windowStart, TickMicroseconds, TicksPerSample);
            if (tick == InputMapper.OutsideWindow)
            {
                EventsOutsideWindow++;
                return;
            }

            if (tick < CurrentTick)
            {
                EventsOutOfOrder++;
                return;
            }

            if (tick > CurrentTick)
            {
                AdvanceTo(tick);
            }

            // Semantics §2 order: an event outside the geometry still moves time forward.
            int index = InputMapper.InputIndex(x, y, polarity, InputWidth, InputHeight, InputPolarities);
            if (index == InputMapper.OutOfGeometry)
            {
                EventsOutOfGeometry++;
                return;
            }

            if (_eventsThisTick >= Semantics.MaxEventsPerTick)
            {
                EventsOverTickBudget++;
                return;
            }

            _eventsThisTick++;
            EventsAccepted++;
            LayerRuntime first = _layers[0];
            SynOps += first.Kernel.AddRow(index, _arena.Ints, first.InputOffset);
        }

        /// <summary>Feeds <paramref name="count"/> events from <paramref name="events"/> starting at <paramref name="offset"/>.</summary>
        public void PushEvents(Event[] events, int offset, int count)
        {
            if (events == null)
            {
                throw new System.ArgumentNullException(nameof(events));
            }

            if (offset < 0 || count < 0 || events.Length - offset < count)
            {
                throw new System.ArgumentOutOfRangeException(nameof(count));
            }

            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                PushEvent(events[i].X, events[i].Y, events[i].Polarity, events[i].TimestampMicroseconds);
            }
        }

        /// <summary>Closes every remaining tick up to T (semantics §5). Calling it again changes nothing.</summary>
        public void FinishSample()
        {
            AdvanceTo(TicksPerSample);
        }

        /// <summary>
        /// Output count over the sample of neuron <paramref name="neuron"/> of layer <paramref name="layer"/>: Σ_k y
        /// (spikes for BINARY layers, Q7 values for GRADED and SRC layers, 0 for leaky integrators; semantics §5).
        /// </summary>
        public int GetSpikeCount(int layer, int neuron)
        {
            LayerRuntime runtime = Layer(layer);
            CheckNeuron(neuron, runtime.Descriptor.OutputSize);
            return _arena.Ints[runtime.SpikeCountOffset + neuron];
        }

        /// <summary>Sum over the sample's ticks of the recorded membrane of output neuron <paramref name="neuron"/> (semantics §5).</summary>
        public long GetMembraneSum(int neuron)
        {
            LayerRuntime last = _layers[_layers.Length - 1];
            CheckNeuron(neuron, last.Descriptor.OutputSize);
            return _arena.Longs[last.SumsOffset + neuron];
        }

        /// <summary>Copies the last layer's spike counts into the first <see cref="OutputSize"/> entries of <paramref name="destination"/>.</summary>
        public void CopyOutputSpikeCounts(int[] destination)
        {
            LayerRuntime last = _layers[_layers.Length - 1];
            int size = last.Descriptor.OutputSize;
            CheckDestination(destination == null ? -1 : destination.Length, size);
            int[] ints = _arena.Ints;
            for (int o = 0; o < size; o++)
            {
                destination[o] = ints[last.SpikeCountOffset + o];
            }
        }

        /// <summary>Copies the last layer's membrane sums into the first <see cref="OutputSize"/> entries of <paramref name="destination"/>.</summary>
        public void CopyMembraneSums(long[] destination)
        {
            LayerRuntime last = _layers[_layers.Length - 1];
            int size = last.Descriptor.OutputSize;
            CheckDestination(destination == null ? -1 : destination.Length, size);
            long[] sums = _arena.Longs;
            for (int o = 0; o < size; o++)
            {
                destination[o] = sums[last.SumsOffset + o];
            }
        }

        /// <summary>Closes ticks until <paramref name="tick"/> is the one being accumulated (at most T).</summary>
        private void AdvanceTo(int tick)
        {
            while (CurrentTick < tick)
            {
                CloseTick();
                CurrentTick++;
                _eventsThisTick = 0;
            }
        }

        /// <summary>
        /// Semantics §4 for the current tick, given that the leak and layer 0's input are already applied: per layer its
        /// neuron rule, then its events fed as rows into the next layer and, when the next tick is in the sample, into
        /// its own drive buffer through the recurrent weights (§6 counts both); then the leak of the next tick for every
        /// layer.
        /// </summary>
        private void CloseTick()
        {
            int[] ints = _arena.Ints;
            long[] sums = _arena.Longs;
            int count = _layers.Length;
            bool nextTickInSample = CurrentTick + 1 < TicksPerSample;
            for (int l = 0; l < count; l++)
            {
                LayerRuntime layer = _layers[l];
                LayerDescriptor d = layer.Descriptor;
                long[] layerSums = layer.SumsOffset >= 0 ? sums : null;
                switch (layer.Rule)
                {
                    case LayerRule.PlainLif:
                        layer.SpikesThisTick = LifNeuron.CloseTick(
                            ints, layer.MembraneOffset, layer.SpikeCountOffset, layer.SpikeListOffset, d.OutputSize,
                            d.Bias, d.Threshold, layer.Reset, d.Comparison, layerSums, layer.SumsOffset);
                        break;
                    case LayerRule.Lif:
                        layer.SpikesThisTick = LifOptionsNeuron.CloseTick(layer, ints, layerSums);
                        break;
                    case LayerRule.Src:
                        layer.SpikesThisTick = SrcNeuron.CloseTick(layer, ints, layerSums);
                        break;
                    default:
                        if (layer.DriveOffset >= 0)
                        {
                            LeakyIntegratorNeuron.CloseTickWithCurrent(layer, ints, layerSums);
                        }
                        else
                        {
                            LeakyIntegratorNeuron.CloseTick(ints, layer.MembraneOffset, d.OutputSize, d.Bias, layerSums, layer.SumsOffset);
                        }

                        layer.SpikesThisTick = 0;
                        break;
                }

                NeuronUpdates += d.OutputSize;
                if (layer.SpikesThisTick > 0)
                {
                    if (l + 1 < count)
                    {
                        LayerRuntime next = _layers[l + 1];
                        SynOps += FeedEvents(layer, next.Kernel, ints, next.InputOffset);
                    }

                    if (layer.RecurrentKernel != null && nextTickInSample)
                    {
                        SynOps += FeedEvents(layer, layer.RecurrentKernel, ints, layer.DriveOffset);
                    }
                }
            }

            if (nextTickInSample)
            {
                for (int l = 0; l < count; l++)
                {
                    LayerRuntime layer = _layers[l];
                    if (layer.Leak == LeakKind.Shift)
                    {
                        ShiftLeak.Apply(ints, layer.MembraneOffset, layer.Descriptor.OutputSize, layer.LeakAmount);
                    }
                    else if (layer.Leak == LeakKind.Multiply)
                    {
                        MultiplicativeLeak.Apply(ints, layer.MembraneOffset, layer.Descriptor.OutputSize, layer.LeakAmount);
                    }
                }
            }
        }

        /// <summary>
        /// Adds the rows of <paramref name="source"/>'s events of this tick through <paramref name="kernel"/> at
        /// <paramref name="targetOffset"/>: unscaled for BINARY outputs, scaled by y for GRADED ones. Returns the
        /// stored weights touched (semantics §6).
        /// </summary>
        private static long FeedEvents(LayerRuntime source, WeightKernel kernel, int[] ints, int targetOffset)
        {
            int list = source.SpikeListOffset;
            int events = source.SpikesThisTick;
            long touched = 0;
            int values = source.EventValuesOffset;
            if (values < 0)
            {
                for (int e = 0; e < events; e++)
                {
                    touched += kernel.AddRow(ints[list + e], ints, targetOffset);
                }
            }
            else
            {
                for (int e = 0; e < events; e++)
                {
                    touched += kernel.AddScaledRow(ints[list + e], ints[values + e], ints, targetOffset);
                }
            }

            return touched;
        }

        private LayerRuntime Layer(int layer)
        {
            if (layer < 0 || layer >= _layers.Length)
            {
                throw new System.ArgumentOutOfRangeException(nameof(layer));
            }

            return _layers[layer];
        }

        private static void CheckNeuron(int neuron, int size)
        {
            if (neuron < 0 || neuron >= size)
            {
                throw new System.ArgumentOutOfRangeException(nameof(neuron));
            }
        }

        private static void CheckDestination(int length, int size)
        {
            if (length < 0)
            {
                throw new System.ArgumentNullException("destination");
            }

            if (length < size)
            {
                throw new System.ArgumentException("destination is shorter than OutputSize", "destination");
            }
        }

        /// <summary>Sets <paramref name="count"/> entries from <paramref name="offset"/> to <paramref name="value"/>; nothing when the region is absent (−1).</summary>
        private static void Fill(int[] array, int offset, int count, int value)
        {
            if (offset < 0)
            {
                return;
            }

            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                array[i] = value;
            }
        }
    }
}
