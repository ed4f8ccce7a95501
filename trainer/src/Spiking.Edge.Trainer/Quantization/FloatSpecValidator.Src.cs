using Spiking.Edge.Trainer.Export;

namespace Spiking.Edge.Trainer.Quantization;

/// <summary>The SRC rules of <see cref="FloatSpecValidator"/> (semantics §4.3).</summary>
internal static partial class FloatSpecValidator
{
    private static void ValidateSrc(FloatLayerSpec layer, string where)
    {
        SrcFloatParameters src = layer.Src ?? throw new ArgumentException($"{where}: a Src layer needs its Src parameters");

        if (layer.LeakShift != 0 || layer.DecayQ16 != 0 || layer.CurrentShift != 0)
        {
            Fail($"{where}: a Src layer leaks through Src.Alpha; LeakShift {layer.LeakShift}, DecayQ16 {layer.DecayQ16} and CurrentShift {layer.CurrentShift} must be 0");
        }

        CheckNoLifOptions(layer, where, "a Src layer");
        CheckRecurrent(layer, where);
        CheckUnit(src.Alpha, 0, 1, where, "Src.Alpha");
        if (!(float.IsFinite(src.Rho) && src.Rho > 0))
        {
            Fail($"{where}: Src.Rho {src.Rho} must be a positive finite number");
        }

        CheckUnit(src.FastFeedback, float.MinValue, float.MaxValue, where, "Src.FastFeedback");
        CheckUnit(src.SlowFeedback, float.MinValue, float.MaxValue, where, "Src.SlowFeedback");
        CheckUnit(src.GateThreshold, float.MinValue, float.MaxValue, where, "Src.GateThreshold");
        CheckUnit(src.SlowGateRest, 0, 1, where, "Src.SlowGateRest");
        CheckUnit(src.SlowGateActive, 0, 1, where, "Src.SlowGateActive");
        CheckUnit(src.RestFast, -1, 1, where, "Src.RestFast");
        CheckUnit(src.RestSlow, -1, 1, where, "Src.RestSlow");
    }

    private static void CheckUnit(float value, float min, float max, string where, string what)
    {
        if (!(float.IsFinite(value) && value >= min && value <= max))
        {
            string range = min == float.MinValue ? "a finite number" : $"in [{min}, {max}]";
            Fail($"{where}: {what} is {value}, expected {range}");
        }
    }
}
