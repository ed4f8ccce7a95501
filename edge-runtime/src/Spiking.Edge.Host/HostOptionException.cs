namespace Spiking.Edge.Host;

/// <summary>
/// A bad command-line option of the host runner: the message is one line naming the option and what was expected,
/// e.g. <c>--hop-ms 0: must be above 0</c>.
/// </summary>
public sealed class HostOptionException : ArgumentException
{
    private readonly string _line;

    /// <summary>Creates the error.</summary>
    /// <param name="option">The option at fault, e.g. "--window-ms".</param>
    /// <param name="line">The whole one-line message.</param>
    public HostOptionException(string option, string line)
        : base(line, option)
    {
        _line = line;
        Option = option;
    }

    /// <summary>The option at fault.</summary>
    public string Option { get; }

    /// <summary>The one line (without the parameter suffix <see cref="ArgumentException"/> would add).</summary>
    public override string Message => _line;
}
