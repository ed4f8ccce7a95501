namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>
    /// Runs transforms one after the other on the same event range: stage i + 1 receives what stage i kept. The
    /// stages must chain: each stage's input geometry equals the previous stage's output geometry.
    /// </summary>
    public sealed class EventPipeline : IEventTransform
    {
        private readonly IEventTransform[] _stages;
        private readonly int _outputPolarities;

        /// <summary>Creates a pipeline of one or more stages (the array is copied).</summary>
        /// <param name="stages">Transforms in the order they run.</param>
        /// <exception cref="System.ArgumentNullException">The array or a stage is null.</exception>
        /// <exception cref="System.ArgumentException">The array is empty or two stages do not chain.</exception>
        public EventPipeline(IEventTransform[] stages)
        {
            if (stages == null)
            {
                throw new System.ArgumentNullException("stages");
            }

            if (stages.Length == 0)
            {
                throw new System.ArgumentException("a pipeline needs at least one stage", "stages");
            }

            _stages = new IEventTransform[stages.Length];
            _outputPolarities = 2;
            for (int i = 0; i < stages.Length; i++)
            {
                IEventTransform stage = stages[i];
                if (stage == null)
                {
                    throw new System.ArgumentNullException("stages", "stage " + i.ToString() + " is null");
                }

                if (i > 0 && (stage.InputWidth != _stages[i - 1].OutputWidth || stage.InputHeight != _stages[i - 1].OutputHeight))
                {
                    throw new System.ArgumentException(
                        "stage " + i.ToString() + " expects a " + stage.InputWidth.ToString() + " x " + stage.InputHeight.ToString()
                        + " input but stage " + (i - 1).ToString() + " outputs " + _stages[i - 1].OutputWidth.ToString() + " x "
                        + _stages[i - 1].OutputHeight.ToString(),
                        "stages");
                }

                if (stage.OutputPolarities == 1)
                {
                    _outputPolarities = 1;
                }

                _stages[i] = stage;
            }
        }

        /// <summary>Number of stages.</summary>
        public int StageCount => _stages.Length;

        /// <inheritdoc />
        public int InputWidth => _stages[0].InputWidth;

        /// <inheritdoc />
        public int InputHeight => _stages[0].InputHeight;

        /// <inheritdoc />
        public int OutputWidth => _stages[_stages.Length - 1].OutputWidth;

        /// <inheritdoc />
        public int OutputHeight => _stages[_stages.Length - 1].OutputHeight;

        /// <summary>1 when any stage leaves a single polarity channel, else 2.</summary>
        public int OutputPolarities => _outputPolarities;

        /// <summary>The stage at <paramref name="index"/> (0 runs first).</summary>
        /// <param name="index">0..StageCount − 1.</param>
        /// <returns>The stage.</returns>
        /// <exception cref="System.ArgumentOutOfRangeException">The index is out of range.</exception>
        public IEventTransform GetStage(int index)
        {
            if (index < 0 || index >= _stages.Length)
            {
                throw new System.ArgumentOutOfRangeException("index", "index must be within 0..StageCount - 1");
            }

            return _stages[index];
        }

        /// <inheritdoc />
        public int Apply(Event[] events, int offset, int count)
        {
            TransformChecks.Range(events, offset, count);
            for (int i = 0; i < _stages.Length && count > 0; i++)
            {
                count = _stages[i].Apply(events, offset, count);
            }

            return count;
        }

        /// <summary>Resets every stage.</summary>
        public void Reset()
        {
            for (int i = 0; i < _stages.Length; i++)
            {
                _stages[i].Reset();
            }
        }
    }
}
