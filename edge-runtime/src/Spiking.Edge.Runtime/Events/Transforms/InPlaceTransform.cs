namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>
    /// What the per-event transforms share outside their event loop: the geometry, the checks of the input sides and
    /// of the event range, and a do-nothing <see cref="Reset"/> for the stateless ones.
    /// </summary>
    /// <remarks>
    /// Each subclass keeps its own tight loop in <see cref="Compact"/> (one call per chunk) instead of a shared loop
    /// calling a per-event virtual method: that measured up to 1.9 times slower on .NET for the refractory filter and
    /// 3.6 to 4.9 times for the crop and the polarity merge, and it is one more method call per event on nanoFramework's
    /// interpreter (bench/Spiking.Edge.Bench.Runtime/README.md, (d)). Subclasses read the geometry properties into
    /// locals once per call, not per event (a property read is a call on the interpreter).
    /// </remarks>
    public abstract class InPlaceTransform : IEventTransform
    {
        private readonly int _inputWidth;
        private readonly int _inputHeight;
        private readonly int _outputWidth;
        private readonly int _outputHeight;
        private readonly int _outputPolarities;

        /// <summary>Checks the input sides and records the geometry; the subclass checks its output sizes.</summary>
        /// <param name="inputWidth">Input width (1..65535).</param>
        /// <param name="inputHeight">Input height (1..65535).</param>
        /// <param name="outputWidth">Output width.</param>
        /// <param name="outputHeight">Output height.</param>
        /// <param name="outputPolarities">1 or 2 (see <see cref="IEventTransform.OutputPolarities"/>).</param>
        /// <exception cref="System.ArgumentOutOfRangeException">An input side is out of range.</exception>
        protected InPlaceTransform(int inputWidth, int inputHeight, int outputWidth, int outputHeight, int outputPolarities)
        {
            TransformChecks.Side(inputWidth, "inputWidth");
            TransformChecks.Side(inputHeight, "inputHeight");
            _inputWidth = inputWidth;
            _inputHeight = inputHeight;
            _outputWidth = outputWidth;
            _outputHeight = outputHeight;
            _outputPolarities = outputPolarities;
        }

        /// <inheritdoc />
        public int InputWidth => _inputWidth;

        /// <inheritdoc />
        public int InputHeight => _inputHeight;

        /// <inheritdoc />
        public int OutputWidth => _outputWidth;

        /// <inheritdoc />
        public int OutputHeight => _outputHeight;

        /// <inheritdoc />
        public int OutputPolarities => _outputPolarities;

        /// <inheritdoc />
        /// <exception cref="System.ArgumentNullException"><paramref name="events"/> is null.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">The range lies outside the array.</exception>
        public int Apply(Event[] events, int offset, int count)
        {
            TransformChecks.Range(events, offset, count);
            return Compact(events, offset, offset + count) - offset;
        }

        /// <summary>Does nothing: overridden by the transforms that keep stream state.</summary>
        public virtual void Reset()
        {
        }

        /// <summary>
        /// The transform's loop over events[start, end), a checked range: moves the kept events, possibly rewritten,
        /// in order to events[start, returned index).
        /// </summary>
        /// <param name="events">The caller's events.</param>
        /// <param name="start">First event.</param>
        /// <param name="end">One past the last event.</param>
        /// <returns>One past the last kept event.</returns>
        protected abstract int Compact(Event[] events, int start, int end);
    }
}
