using Spiking.Edge.ModelFormat.Proto;

namespace Spiking.Edge.Trainer.IntegerModel;

/// <summary>The constants of an SRC layer (semantics.md §4.3) with its two tables as tensors. Owns the tables.</summary>
internal sealed class SrcTensors : IDisposable
{
    public SrcTensors(SrcParameters src)
    {
        FractionBits = (int)src.FractionBits;
        InputDecay = src.InputDecay;
        InputTable = new LookupTableTensor(src.InputTable);
        FastTable = new LookupTableTensor(src.FastTable);
        FastFeedback = src.FastFeedback;
        SlowFeedback = src.SlowFeedback;
        GateThreshold = src.GateThreshold;
        SlowGateRest = src.SlowGateRest;
        SlowGateActive = src.SlowGateActive;
        RestFast = src.RestFast;
        RestSlow = src.RestSlow;
    }

    public int FractionBits { get; }

    public double InputDecay { get; }

    public LookupTableTensor InputTable { get; }

    public LookupTableTensor FastTable { get; }

    public double FastFeedback { get; }

    public double SlowFeedback { get; }

    public double GateThreshold { get; }

    public double SlowGateRest { get; }

    public double SlowGateActive { get; }

    public double RestFast { get; }

    public double RestSlow { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        InputTable.Dispose();
        FastTable.Dispose();
    }
}
