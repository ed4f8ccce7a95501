using Spiking.Edge.ModelFormat.Proto;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Trainer.Tests.IntegerModel;

namespace Spiking.Edge.Trainer.Tests.Conformance;

/// <summary>
/// The format-1.1 vectors (semantics §4.0–§4.5), one per feature family: graded sigmoid outputs with the GATE reset,
/// layer-scope reset, recurrent weights with synaptic current and hard refractory (CUBA), soft refractory with
/// winner-take-all and floor (Lee), Q16 decay with leaky-ReLU (SNU), an SRC chain, and 64-bit products near the limits.
/// Their lookup tables are filled here with fixed shifts, offsets and lengths (not by the quantizer, whose table policy
/// may change without changing the semantics).
/// </summary>
internal static partial class ConformanceVectors
{
    private static ConformanceVector GradedSigmoidGateReset()
    {
        var random = new Random(1101);
        Model model = NewModel(4, 3, 2, 1000, 12, ReadoutMode.SpikeCount);
        sbyte[] w0 = RandomWeights(random, 24, 8, 0.3, 127);
        sbyte[] w1 = RandomWeights(random, 8, 3, 0.2, 127);
        Layer graded = NewLayer("graded", 24, 8, NeuronModel.Lif, 2, ResetMode.Gate, ThresholdComparison.Unspecified, Thresholds(random, 8, -50, 150), Biases(random, 8, 20), ForcedWeightEncoder.Encode(WeightEncoding.Dense, w0, 24, 8, 8));
        graded.Output = OutputKind.Graded;
        graded.OutputTable = SigmoidTable(2, -32, 64, 1.0 / 16);
        model.Layers.Add(graded);
        model.Layers.Add(NewLayer("readout", 8, 3, NeuronModel.Lif, 1, ResetMode.Subtract, ThresholdComparison.GreaterOrEqual, Thresholds(random, 3, 2000, 20000), [], ForcedWeightEncoder.Encode(WeightEncoding.Csr, w1, 8, 3, 8, (i, o) => (i + o) % 5 == 0)));
        Event[] events = RandomEventStream.Create(random, 4, 3, 2, 1000, 12, 360, t0: 0);
        return new ConformanceVector("graded_sigmoid_gate_reset", "24 -> 8 GRADED LIF (sigmoid table: shift 2, offset -32, 64 entries, clamped at both ends; thresholds <= 0 and > 0; GATE reset; leak 2) -> 3 LIF (CSR with stored zeros; graded outputs scale the rows; SUBTRACT); SPIKE_COUNT.", model, events, 0);
    }

    private static ConformanceVector LayerScopeReset()
    {
        var random = new Random(1202);
        Model model = NewModel(3, 3, 2, 1000, 14, ReadoutMode.MembraneSum);
        sbyte[] w0 = RandomWeights(random, 18, 10, 0.4, 127);
        sbyte[] w1 = RandomWeights(random, 10, 6, 0.0, 127);
        sbyte[] w2 = RandomWeights(random, 6, 3, 0.0, 127);
        Layer lif = NewLayer("lif", 18, 10, NeuronModel.Lif, 1, ResetMode.Zero, ThresholdComparison.GreaterOrEqual, Thresholds(random, 10, 80, 200), Biases(random, 10, 10), ForcedWeightEncoder.Encode(WeightEncoding.Bitmap, w0, 18, 10, 8));
        lif.ResetScope = ResetScope.Layer;
        Layer graded = NewLayer("graded", 10, 6, NeuronModel.Lif, 2, ResetMode.Gate, ThresholdComparison.Unspecified, Thresholds(random, 6, -20, 100), [], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w1, 10, 6, 8));
        graded.Output = OutputKind.Graded;
        graded.OutputTable = SigmoidTable(3, -16, 32, 1.0 / 32);
        graded.ResetScope = ResetScope.Layer;
        model.Layers.Add(lif);
        model.Layers.Add(graded);
        model.Layers.Add(NewLayer("readout", 6, 3, NeuronModel.LeakyIntegrator, 1, ResetMode.Unspecified, ThresholdComparison.Unspecified, [], Biases(random, 3, 5), ForcedWeightEncoder.Encode(WeightEncoding.Dense, w2, 6, 3, 8)));
        Event[] events = RandomEventStream.Create(random, 3, 3, 2, 1000, 14, 400, t0: 0);
        return new ConformanceVector("layer_scope_reset", "18 -> 10 LIF (BITMAP, ZERO with reset scope LAYER: one spike resets the layer) -> 6 GRADED LIF (GATE with scope LAYER: every neuron resets by the largest output) -> 3 LEAKY_INTEGRATOR; MEMBRANE_SUM.", model, events, 0);
    }

    private static ConformanceVector RecurrentCsrCurrentRefractory()
    {
        var random = new Random(1303);
        Model model = NewModel(4, 4, 1, 500, 16, ReadoutMode.SpikeCount);
        sbyte[] w0 = RandomWeights(random, 16, 12, 0.2, 127);
        sbyte[] r0 = RandomWeights(random, 12, 12, 0.8, 127);
        sbyte[] w1 = RandomWeights(random, 12, 4, 0.0, 127);
        sbyte[] r1 = RandomWeights(random, 4, 4, 0.5, 127);
        Layer cuba = NewLayer("cuba", 16, 12, NeuronModel.Lif, 3, ResetMode.Zero, ThresholdComparison.GreaterOrEqual, Thresholds(random, 12, 150, 400), Biases(random, 12, 10), ForcedWeightEncoder.Encode(WeightEncoding.Dense, w0, 16, 12, 8));
        cuba.CurrentShift = 2;
        cuba.RefractoryTicks = 2;
        cuba.RecurrentWeights = ForcedWeightEncoder.Encode(WeightEncoding.Csr, r0, 12, 12, 8, (p, o) => p == o);
        Layer readout = NewLayer("readout", 12, 4, NeuronModel.Lif, 2, ResetMode.Subtract, ThresholdComparison.Greater, Thresholds(random, 4, 100, 300), [], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w1, 12, 4, 8));
        readout.CurrentShift = 1;
        readout.RefractoryTicks = 1;
        readout.RecurrentWeights = ForcedWeightEncoder.Encode(WeightEncoding.Bitmap, r1, 4, 4, 8, (p, o) => p == o);
        model.Layers.Add(cuba);
        model.Layers.Add(readout);
        Event[] events = RandomEventStream.Create(random, 4, 4, 1, 500, 16, 500, t0: 0);
        return new ConformanceVector("recurrent_csr_current_refractory", "CUBA: 16 -> 12 LIF (synaptic current shift 2, hard refractory 2 ticks, leak 3, recurrent CSR with stored zeros on the diagonal) -> 4 LIF (current shift 1, refractory 1, recurrent BITMAP, SUBTRACT, >); recurrent rows count in SynOps before the last tick only; SPIKE_COUNT.", model, events, 0);
    }

    private static ConformanceVector SoftRefractoryWtaFloor()
    {
        var random = new Random(1404);
        Model model = NewModel(4, 3, 2, 1000, 15, ReadoutMode.SpikeCount);
        sbyte[] w0 = RandomWeights(random, 24, 10, 0.3, 127);
        sbyte[] w1 = RandomWeights(random, 10, 4, 0.0, 127);
        int[] t0 = Thresholds(random, 10, 100, 250);
        int[] t1 = Thresholds(random, 4, 60, 150);
        Layer lee = NewLayer("lee", 24, 10, NeuronModel.Lif, 2, ResetMode.Subtract, ThresholdComparison.GreaterOrEqual, t0, Biases(random, 10, 10), ForcedWeightEncoder.Encode(WeightEncoding.Csr, w0, 24, 10, 8));
        lee.RefractoryGain.AddRange([0u, 8192u, 16384u, 24576u]);
        lee.Inhibition.AddRange(t0.Select(t => t / 5));
        lee.MembraneFloor.AddRange(t0.Select(t => -t));
        Layer readout = NewLayer("readout", 10, 4, NeuronModel.Lif, 0, ResetMode.Zero, ThresholdComparison.GreaterOrEqual, t1, [], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w1, 10, 4, 8));
        readout.RefractoryGain.Add(16384u);
        readout.Inhibition.AddRange(t1.Select(t => t / 2));
        readout.MembraneFloor.AddRange(t1.Select(t => -t));
        model.Layers.Add(lee);
        model.Layers.Add(readout);
        Event[] events = RandomEventStream.Create(random, 4, 3, 2, 1000, 15, 420, t0: 0);
        return new ConformanceVector("soft_refractory_wta_floor", "Lee: 24 -> 10 LIF (CSR, soft refractory gains 0, 0.25, 0.5, 0.75 in Q15, winner-take-all inhibition, floor -threshold, SUBTRACT, leak 2) -> 4 LIF (gain 0.5, inhibition, floor, ZERO); SPIKE_COUNT.", model, events, 0);
    }

    private static ConformanceVector DecayLeakyRelu()
    {
        var random = new Random(1505);
        Model model = NewModel(3, 4, 2, 1000, 12, ReadoutMode.MembraneSum);
        sbyte[] w0 = RandomWeights(random, 24, 10, 0.2, 127);
        sbyte[] w1 = RandomWeights(random, 10, 4, 0.0, 127);
        sbyte[] r1 = RandomWeights(random, 4, 4, 0.0, 4);
        Layer snu = NewLayer("snu", 24, 10, NeuronModel.Lif, 0, ResetMode.Gate, ThresholdComparison.Greater, Thresholds(random, 10, 100, 300), Biases(random, 10, 30), ForcedWeightEncoder.Encode(WeightEncoding.Dense, w0, 24, 10, 8));
        snu.Decay = 52429;
        snu.Activation = StateActivation.LeakyRelu;
        snu.NegativeSlope = 6554;
        Layer ssnu = NewLayer("ssnu", 10, 4, NeuronModel.Lif, 0, ResetMode.Gate, ThresholdComparison.Unspecified, Thresholds(random, 4, -100, 200), Biases(random, 4, 20), ForcedWeightEncoder.Encode(WeightEncoding.Dense, w1, 10, 4, 8));
        ssnu.Output = OutputKind.Graded;
        ssnu.OutputTable = SigmoidTable(4, -20, 40, 1.0 / 64);
        ssnu.Decay = 45875;
        ssnu.Activation = StateActivation.LeakyRelu;
        ssnu.NegativeSlope = 13107;
        ssnu.RecurrentWeights = ForcedWeightEncoder.Encode(WeightEncoding.Dense, r1, 4, 4, 8);
        model.Layers.Add(snu);
        model.Layers.Add(ssnu);
        Event[] events = RandomEventStream.Create(random, 3, 4, 2, 1000, 12, 380, t0: 0);
        return new ConformanceVector("decay_leaky_relu", "SNU: 24 -> 10 LIF (decay 0.8 in Q16, leaky-ReLU slope 0.1, GATE reset on spikes, >) -> 4 GRADED LIF (decay 0.7, leaky-ReLU 0.2, GATE, recurrent DENSE on its own graded outputs); MEMBRANE_SUM of the graded layer.", model, events, 0);
    }

    private static ConformanceVector SrcChain()
    {
        var random = new Random(1606);
        Model model = NewModel(4, 4, 2, 1000, 16, ReadoutMode.SpikeCount);
        sbyte[] w0 = RandomWeights(random, 32, 10, 0.3, 127);
        sbyte[] w1 = RandomWeights(random, 10, 8, 0.2, 127);
        sbyte[] r1 = RandomWeights(random, 8, 8, 0.6, 127);
        sbyte[] w2 = RandomWeights(random, 8, 3, 0.0, 127);
        model.Layers.Add(NewLayer("lif", 32, 10, NeuronModel.Lif, 1, ResetMode.Zero, ThresholdComparison.GreaterOrEqual, Thresholds(random, 10, 100, 250), [], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w0, 32, 10, 8)));
        Layer fast = NewLayer("src_fast", 10, 8, NeuronModel.Src, 0, ResetMode.Unspecified, ThresholdComparison.Unspecified, [], Biases(random, 8, 2000), ForcedWeightEncoder.Encode(WeightEncoding.Bitmap, w1, 10, 8, 8));
        fast.Src = new SrcParameters
        {
            FractionBits = 12,
            InputDecay = 52429,
            InputTable = TanhTable(3, -160, 320, 1.0 / 128, 4096, 2),
            FastTable = TanhTable(6, -320, 640, 1.0 / 4096, 4096, 1),
            FastFeedback = 8192,
            SlowFeedback = -28672,
            GateThreshold = 2048,
            SlowGateRest = 58982,
            SlowGateActive = 0,
            RestFast = -205,
            RestSlow = 100,
        };
        fast.RecurrentWeights = ForcedWeightEncoder.Encode(WeightEncoding.Csr, r1, 8, 8, 8);
        Layer slow = NewLayer("src_slow", 8, 3, NeuronModel.Src, 0, ResetMode.Unspecified, ThresholdComparison.Unspecified, [], Biases(random, 3, 500), ForcedWeightEncoder.Encode(WeightEncoding.Dense, w2, 8, 3, 8));
        slow.Src = new SrcParameters
        {
            FractionBits = 10,
            InputDecay = 32768,
            InputTable = TanhTable(8, -64, 128, 1.0 / 8192, 1024, 1.5),
            FastTable = TanhTable(4, -320, 640, 1.0 / 1024, 1024, 1),
            FastFeedback = 1024,
            SlowFeedback = -4096,
            GateThreshold = 256,
            SlowGateRest = 45875,
            SlowGateActive = 6554,
        };
        model.Layers.Add(fast);
        model.Layers.Add(slow);
        Event[] events = RandomEventStream.Create(random, 4, 4, 2, 1000, 16, 450, t0: 0);
        return new ConformanceVector("src_chain", "32 -> 10 LIF -> 8 SRC (F = 12, BITMAP, recurrent CSR on its graded outputs, slow gate switching, rest values) -> 3 SRC (F = 10, both gates non-zero); tables clamped at both ends; SPIKE_COUNT sums the Q7 outputs.", model, events, 0);
    }

    private static ConformanceVector ProductsNearLimits()
    {
        var random = new Random(1707);
        Model model = NewModel(2, 2, 1, 1000, 8, ReadoutMode.MembraneSum);
        sbyte[] w0 = [127, -127, 127, 127, -127, 127, 100, -127, 127, 127, -100, 127, -127, -127, 127, 1];
        sbyte[] w1 = RandomWeights(random, 4, 4, 0.0, 127);
        sbyte[] r1 = RandomWeights(random, 4, 4, 0.0, 127);
        sbyte[] w2 = RandomWeights(random, 4, 2, 0.0, 127);
        Layer saturating = NewLayer("saturating", 4, 4, NeuronModel.Lif, 0, ResetMode.None, ThresholdComparison.GreaterOrEqual, [Semantics.StateMax, Semantics.StateMax, 4_000_000, 1], [3_000_000, -3_000_000, 500_000, -8_000_000], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w0, 4, 4, 8));
        saturating.Decay = 65535;
        saturating.RefractoryGain.AddRange([32768u, 1u, 32767u]);
        saturating.Activation = StateActivation.LeakyRelu;
        saturating.NegativeSlope = 65535;
        saturating.Inhibition.AddRange([Semantics.StateMax, Semantics.StateMin, 4_000_000, 1]);
        saturating.MembraneFloor.AddRange([Semantics.StateMin, Semantics.StateMin, -1, Semantics.StateMin]);
        Layer graded = NewLayer("graded", 4, 4, NeuronModel.Lif, 0, ResetMode.Gate, ThresholdComparison.Unspecified, [Semantics.StateMax, Semantics.StateMin, 0, -4_000_000], [Semantics.StateMax, Semantics.StateMin, 0, 1], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w1, 4, 4, 8));
        graded.Output = OutputKind.Graded;
        graded.OutputTable = SigmoidTable(20, -16, 33, 4.0 / (1 << 20));
        graded.CurrentShift = 1;
        graded.Decay = 1;
        graded.Inhibition.AddRange([Semantics.StateMax, 1, Semantics.StateMin, 1000]);
        graded.MembraneFloor.AddRange([Semantics.StateMin, 0, -5_000_000, Semantics.StateMin]);
        graded.RecurrentWeights = ForcedWeightEncoder.Encode(WeightEncoding.Dense, r1, 4, 4, 8);
        Layer src = NewLayer("src", 4, 2, NeuronModel.Src, 0, ResetMode.Unspecified, ThresholdComparison.Unspecified, [], [Semantics.StateMax, Semantics.StateMin], ForcedWeightEncoder.Encode(WeightEncoding.Dense, w2, 4, 2, 8));
        src.Src = new SrcParameters
        {
            FractionBits = 14,
            InputDecay = 65536,
            InputTable = Table(30, -1, -16384, 16384),
            FastTable = TanhTable(22, -8, 17, 1.0 / 16384, 16384, 1),
            FastFeedback = Semantics.StateMax,
            SlowFeedback = Semantics.StateMin,
            GateThreshold = -16384,
            SlowGateRest = 65536,
            SlowGateActive = 0,
            RestFast = 16384,
            RestSlow = -16384,
        };
        model.Layers.Add(saturating);
        model.Layers.Add(graded);
        model.Layers.Add(src);
        var events = new List<Event>();
        for (int tick = 0; tick < 8; tick++)
        {
            for (int n = 0; n < 600; n++)
            {
                events.Add(new Event((ushort)(n % 2), (ushort)(tick % 2), 0, (tick * 1000) + n));
            }
        }

        events.Sort((a, b) => a.TimestampMicroseconds.CompareTo(b.TimestampMicroseconds));
        return new ConformanceVector("products_near_limits", "64-bit products near their limits: saturated membranes times decay 65535, the largest drive times gain 32768, slope 65535 on STATE_MIN, inhibition STATE_MAX times other outputs, GATE on saturated graded membranes, table input shift 20 and 30, SRC feedbacks STATE_MAX/STATE_MIN times h = 2^14, input decay 65536; MEMBRANE_SUM of an SRC layer.", model, events.ToArray(), 0);
    }

    private static LookupTable Table(int shift, int offset, params int[] values)
    {
        var table = new LookupTable { InputShift = (uint)shift, InputOffset = offset };
        table.Values.AddRange(values);
        return table;
    }

    /// <summary><paramref name="count"/> entries of round(128 σ(centre × unit)), centre = the middle of each entry's input interval.</summary>
    private static LookupTable SigmoidTable(int shift, int offset, int count, double unit) =>
        Table(shift, offset, Centres(shift, offset, count).Select(c => (int)Math.Round(128 / (1 + Math.Exp(-c * unit)), MidpointRounding.AwayFromZero)).ToArray());

    /// <summary><paramref name="count"/> entries of round(scale ρ tanh(centre × unit / ρ)).</summary>
    private static LookupTable TanhTable(int shift, int offset, int count, double unit, double scale, double rho) =>
        Table(shift, offset, Centres(shift, offset, count).Select(c => (int)Math.Round(scale * rho * Math.Tanh(c * unit / rho), MidpointRounding.AwayFromZero)).ToArray());

    private static IEnumerable<double> Centres(int shift, int offset, int count) =>
        Enumerable.Range(0, count).Select(j => (((long)offset + j) * Math.Pow(2, shift)) + ((Math.Pow(2, shift) - 1) / 2));
}
