namespace Spiking.Edge.Runtime.Kernels
{
    /// <summary>
    /// DENSE weights (semantics.md §3.1): row i is the <c>output_size</c> bytes at <c>i × output_size</c>, added by
    /// the pluggable <see cref="IRowAccumulator"/> so that full-.NET hosts can use SIMD.
    /// </summary>
    internal sealed class DenseKernel : WeightKernel
    {
        private readonly byte[] _model;
        private readonly int _valuesOffset;
        private readonly int _outputSize;
        private readonly IRowAccumulator _accumulator;

        /// <summary>Kernel over validated DENSE values at <paramref name="valuesOffset"/> in <paramref name="model"/>.</summary>
        public DenseKernel(byte[] model, int valuesOffset, int outputSize, IRowAccumulator accumulator)
        {
            _model = model;
            _valuesOffset = valuesOffset;
            _outputSize = outputSize;
            _accumulator = accumulator;
        }

        /// <inheritdoc />
        public override int AddRow(int row, int[] target, int targetOffset)
        {
            _accumulator.AddRow(_model, _valuesOffset + (row * _outputSize), target, targetOffset, _outputSize);
            return _outputSize;
        }

        /// <inheritdoc />
        public override int AddScaledRow(int row, int scale, int[] target, int targetOffset)
        {
            _accumulator.AddScaledRow(_model, _valuesOffset + (row * _outputSize), scale, target, targetOffset, _outputSize);
            return _outputSize;
        }
    }
}
