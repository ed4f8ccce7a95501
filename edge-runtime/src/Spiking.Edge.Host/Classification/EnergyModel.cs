using System.Globalization;

namespace Spiking.Edge.Host.Classification;

/// <summary>
/// An <b>estimate</b>, not a measurement, of the energy of one inference from the runtime's operation counts:
/// E = SynOps × E_synop + neuron updates × E_update + input events × E_event. The default per-operation energies are
/// built from the 45 nm, 0.9 V figures of M. Horowitz, "Computing's energy problem (and what we can do about it)",
/// ISSCC 2014, pp. 10–14 (see each constant); <see cref="Parse"/> overrides them (<c>--energy-pj</c>).
/// </summary>
/// <remarks>
/// The figures are for arithmetic and on-chip SRAM on a 45 nm ASIC; a Raspberry Pi or a microcontroller spends far
/// more per operation (instruction fetch, pipeline, caches, DRAM). The estimate is for comparing models and windows
/// (work that scales with SynOps and ticks), the way the SNN literature uses these numbers.
/// </remarks>
public sealed record EnergyModel
{
    /// <summary>Horowitz 2014, 45 nm: a 32-bit integer add, 0.1 pJ.</summary>
    public const double Int32AddPicojoules = 0.1;

    /// <summary>
    /// A 32-bit read from a small (8 KB) SRAM, 5 pJ: half of Horowitz 2014's 10 pJ for a 64-bit access to an 8 KB
    /// cache (the same 5 pJ "32-bit SRAM" entry Han et al., EIE, ISCA 2016, tabulate from Horowitz).
    /// </summary>
    public const double Sram32ReadPicojoules = 5.0;

    /// <summary>
    /// One SynOp (a stored weight added to a neuron's 32-bit membrane or drive): one 32-bit SRAM read to fetch the
    /// weight (an int8 weight is read as part of a 32-bit word) + one 32-bit integer add = 5.1 pJ. The membrane's own
    /// read-modify-write is not charged here (it stays local while a row is added).
    /// </summary>
    public const double DefaultSynOpPicojoules = Sram32ReadPicojoules + Int32AddPicojoules;

    /// <summary>
    /// One neuron update (one neuron closing one tick, semantics §4): read and write back its 32-bit membrane (two
    /// 32-bit SRAM accesses, a write costed as a read) + three 32-bit integer adds (leak, bias, threshold comparison)
    /// = 10.3 pJ.
    /// </summary>
    public const double DefaultNeuronUpdatePicojoules = (2 * Sram32ReadPicojoules) + (3 * Int32AddPicojoules);

    /// <summary>
    /// One input event fed to the network: read the 64-bit event word (two 32-bit SRAM reads) + two 32-bit integer
    /// adds (its tick and its input index, semantics §2) = 10.2 pJ.
    /// </summary>
    public const double DefaultEventPicojoules = (2 * Sram32ReadPicojoules) + (2 * Int32AddPicojoules);

    /// <summary>The keys <see cref="Parse"/> accepts.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["synop", "update", "event"];

    /// <summary>The default estimate (the constants above).</summary>
    public static EnergyModel Default { get; } = new();

    /// <summary>Energy of one SynOp in pJ (default <see cref="DefaultSynOpPicojoules"/>).</summary>
    public double SynOpPicojoules { get; init; } = DefaultSynOpPicojoules;

    /// <summary>Energy of one neuron update in pJ (default <see cref="DefaultNeuronUpdatePicojoules"/>).</summary>
    public double NeuronUpdatePicojoules { get; init; } = DefaultNeuronUpdatePicojoules;

    /// <summary>Energy of one input event in pJ (default <see cref="DefaultEventPicojoules"/>).</summary>
    public double EventPicojoules { get; init; } = DefaultEventPicojoules;

    /// <summary>True when every figure is the default.</summary>
    public bool IsDefault => Equals(Default);

    /// <summary>The estimate in pJ: SynOps × E_synop + updates × E_update + events × E_event.</summary>
    /// <param name="synOps">Stored synapses touched (semantics §6).</param>
    /// <param name="neuronUpdates">Neurons × closed ticks.</param>
    /// <param name="events">Input events fed to the network.</param>
    /// <returns>Picojoules.</returns>
    public double EstimatePicojoules(long synOps, long neuronUpdates, long events) =>
        (synOps * SynOpPicojoules) + (neuronUpdates * NeuronUpdatePicojoules) + (events * EventPicojoules);

    /// <summary>
    /// Overrides some or all figures: <c>synop=5.1,update=10.3,event=10.2</c> (pJ, non-negative; keys not given keep
    /// their default).
    /// </summary>
    /// <param name="text">The <c>--energy-pj</c> value.</param>
    /// <returns>The model.</returns>
    /// <exception cref="HostOptionException">A key is unknown or repeated, or a value is not a non-negative number (one line naming the key).</exception>
    public static EnergyModel Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = Default;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in text.Split(','))
        {
            string element = raw.Trim();
            int equals = element.IndexOf('=', StringComparison.Ordinal);
            string key = (equals < 0 ? element : element[..equals]).Trim().ToLowerInvariant();
            if (!Keys.Contains(key))
            {
                throw new HostOptionException("--energy-pj", $"--energy-pj \"{text}\": unknown key \"{key}\"; expected synop=PJ, update=PJ and/or event=PJ");
            }

            if (!seen.Add(key))
            {
                throw new HostOptionException("--energy-pj", $"--energy-pj \"{text}\": key \"{key}\" is given more than once");
            }

            string value = equals < 0 ? "" : element[(equals + 1)..].Trim();
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double picojoules) || !double.IsFinite(picojoules) || picojoules < 0)
            {
                throw new HostOptionException("--energy-pj", $"--energy-pj \"{text}\": key \"{key}\": \"{value}\" is not a non-negative number of picojoules");
            }

            model = key switch
            {
                "synop" => model with { SynOpPicojoules = picojoules },
                "update" => model with { NeuronUpdatePicojoules = picojoules },
                _ => model with { EventPicojoules = picojoules },
            };
        }

        return model;
    }

    /// <summary>One line: the three figures and where they come from.</summary>
    public string Describe()
    {
        string figures = string.Create(
            CultureInfo.InvariantCulture,
            $"synop {SynOpPicojoules:0.###} pJ, neuron update {NeuronUpdatePicojoules:0.###} pJ, event {EventPicojoules:0.###} pJ");
        return IsDefault
            ? $"{figures} (estimate from Horowitz, ISSCC 2014, 45 nm; not a measurement)"
            : $"{figures} (given with --energy-pj; an estimate, not a measurement)";
    }
}
