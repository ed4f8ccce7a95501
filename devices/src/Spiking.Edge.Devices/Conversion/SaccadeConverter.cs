using Spiking.Edge.Runtime.Events;

namespace Spiking.Edge.Devices.Conversion;

/// <summary>
/// Turns a static grayscale image into an N-MNIST-like event stream by simulating an event camera that watches
/// the image move along three saccades (the way N-MNIST was recorded, Orchard et al. 2015).
/// </summary>
/// <remarks>
/// Model: the image is centred on the sensor and displaced along <see cref="SaccadePath"/>; at each simulation step
/// every sensor pixel samples the image bilinearly (sub-pixel; outside the image the intensity is 0), takes
/// L = log(I / 255 + ε), and compares it with its reference level. Each time |L − reference| reaches the pixel's
/// threshold, an event is emitted (ON = 1 when L rose) and the reference moves one threshold towards L, so a large
/// change gives several events in one step. Event times are interpolated linearly within the step; the result is
/// sorted by time (ties: pixel order). At t = 0 the references equal the image at rest, so a uniform image gives
/// no events. Deterministic: the only randomness is the per-pixel threshold mismatch, drawn from the seed.
/// </remarks>
public static class SaccadeConverter
{
    private const int LogTableSize = 1024;

    /// <summary>Converts one image (row-major, 0..255) into events on the options' sensor.</summary>
    /// <param name="pixels">Row-major grayscale pixels, <paramref name="imageWidth"/> × <paramref name="imageHeight"/> bytes.</param>
    /// <param name="imageWidth">Image width in pixels.</param>
    /// <param name="imageHeight">Image height in pixels.</param>
    /// <param name="options">Sensor, path and pixel model.</param>
    /// <returns>The events, sorted by timestamp, with x, y inside the sensor.</returns>
    public static Event[] Convert(byte[] pixels, int imageWidth, int imageHeight, SaccadeOptions options)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        if (imageWidth <= 0 || imageHeight <= 0 || (long)imageWidth * imageHeight != pixels.Length)
        {
            throw new ArgumentException($"image of {imageWidth} x {imageHeight} does not match {pixels.Length} pixel bytes", nameof(pixels));
        }

        return new Simulation(pixels, imageWidth, imageHeight, options).Run();
    }

    private static void Validate(SaccadeOptions o)
    {
        Require(o.SensorWidth is > 0 and <= ushort.MaxValue, $"SensorWidth {o.SensorWidth} must be within 1..65535");
        Require(o.SensorHeight is > 0 and <= ushort.MaxValue, $"SensorHeight {o.SensorHeight} must be within 1..65535");
        Require(o.SaccadeDurationMicroseconds > 0, $"SaccadeDurationMicroseconds {o.SaccadeDurationMicroseconds} must be positive");
        Require(o.StepMicroseconds > 0 && o.StepMicroseconds <= o.SaccadeDurationMicroseconds, $"StepMicroseconds {o.StepMicroseconds} must be within 1..SaccadeDurationMicroseconds");
        Require(double.IsFinite(o.SaccadeAmplitudePixels) && o.SaccadeAmplitudePixels >= 0 && o.SaccadeAmplitudePixels <= 1000, $"SaccadeAmplitudePixels {o.SaccadeAmplitudePixels} must be within 0..1000");
        Require(double.IsFinite(o.ContrastThreshold) && o.ContrastThreshold > 0, $"ContrastThreshold {o.ContrastThreshold} must be positive");
        Require(double.IsFinite(o.LogEpsilon) && o.LogEpsilon > 0, $"LogEpsilon {o.LogEpsilon} must be positive");
        Require(double.IsFinite(o.ThresholdMismatch) && o.ThresholdMismatch >= 0 && o.ThresholdMismatch < 1, $"ThresholdMismatch {o.ThresholdMismatch} must be within [0, 1)");
        Require(o.RefractoryMicroseconds >= 0, $"RefractoryMicroseconds {o.RefractoryMicroseconds} must not be negative");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException("saccade options: " + message, "options");
        }
    }

    /// <summary>One conversion: the padded image, the pixel states and the event buffer.</summary>
    private sealed class Simulation
    {
        private readonly SaccadeOptions _o;
        private readonly int _sensorWidth;
        private readonly int _sensorHeight;
        private readonly float[] _padded;
        private readonly int _paddedWidth;
        private readonly int _pad;
        private readonly double _centreX;
        private readonly double _centreY;
        private readonly float[] _logTable;
        private readonly float[] _threshold;
        private readonly float[] _reference;
        private readonly float[] _previous;
        private readonly long[] _lastEvent;
        private Event[] _events = new Event[4096];
        private int _count;
        private long[] _stepKeys = new long[256];
        private Event[] _stepEvents = new Event[256];
        private int _stepCount;

        public Simulation(byte[] pixels, int width, int height, SaccadeOptions options)
        {
            _o = options;
            _sensorWidth = options.SensorWidth;
            _sensorHeight = options.SensorHeight;
            _centreX = (_sensorWidth - width) / 2.0;
            _centreY = (_sensorHeight - height) / 2.0;

            // Padding so that every bilinear access of every sensor pixel at every displacement stays inside.
            _pad = (int)Math.Ceiling(Math.Abs(_centreX) + Math.Abs(_centreY) + options.SaccadeAmplitudePixels) + Math.Max(_sensorWidth, _sensorHeight) + 2;
            _paddedWidth = width + (2 * _pad);
            int paddedHeight = height + (2 * _pad);
            _padded = new float[_paddedWidth * paddedHeight];
            for (int y = 0; y < height; y++)
            {
                int row = (y + _pad) * _paddedWidth + _pad;
                for (int x = 0; x < width; x++)
                {
                    _padded[row + x] = pixels[(y * width) + x] * (1f / 255f);
                }
            }

            _logTable = new float[LogTableSize + 2];
            for (int i = 0; i < _logTable.Length; i++)
            {
                _logTable[i] = (float)Math.Log(((double)i / LogTableSize) + options.LogEpsilon);
            }

            int n = _sensorWidth * _sensorHeight;
            _threshold = PixelThresholds(n, options);
            _reference = new float[n];
            _previous = new float[n];
            _lastEvent = new long[n];
            Array.Fill(_lastEvent, long.MinValue / 2);
        }

        public Event[] Run()
        {
            var path = new SaccadePath(_o.SaccadeAmplitudePixels, _o.SaccadeDurationMicroseconds);
            Sample(path.At(0), _reference);
            Array.Copy(_reference, _previous, _reference.Length);

            long total = (long)path.TotalMicroseconds;
            int step = _o.StepMicroseconds;
            var current = new float[_reference.Length];
            for (long start = 0; start < total; start += step)
            {
                long end = Math.Min(total, start + step);
                Sample(path.At(end), current);
                Compare(current, start, end - start);
            }

            var result = new Event[_count];
            Array.Copy(_events, result, _count);
            return result;
        }

        private static float[] PixelThresholds(int n, SaccadeOptions o)
        {
            var thresholds = new float[n];
            var random = new Random(o.Seed);
            for (int i = 0; i < n; i++)
            {
                double factor = 1.0;
                if (o.ThresholdMismatch > 0)
                {
                    // Box–Muller normal deviate; the factor is kept above 0.25 so that no pixel goes wild.
                    double u1 = 1.0 - random.NextDouble();
                    double u2 = random.NextDouble();
                    double normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
                    factor = Math.Max(0.25, 1.0 + (o.ThresholdMismatch * normal));
                }

                thresholds[i] = (float)(o.ContrastThreshold * factor);
            }

            return thresholds;
        }

        // Log intensity of every sensor pixel at displacement (dx, dy); the fractional offset is shared by all pixels.
        private void Sample((double Dx, double Dy) displacement, float[] target)
        {
            double u = -_centreX - displacement.Dx;
            double v = -_centreY - displacement.Dy;
            int baseX = (int)Math.Floor(u);
            int baseY = (int)Math.Floor(v);
            float fx = (float)(u - baseX);
            float fy = (float)(v - baseY);
            float w00 = (1 - fx) * (1 - fy), w10 = fx * (1 - fy), w01 = (1 - fx) * fy, w11 = fx * fy;
            float[] image = _padded;
            float[] table = _logTable;
            int stride = _paddedWidth;
            int i = 0;
            for (int sy = 0; sy < _sensorHeight; sy++)
            {
                int row = ((sy + baseY + _pad) * stride) + baseX + _pad;
                for (int sx = 0; sx < _sensorWidth; sx++, i++)
                {
                    int p = row + sx;
                    float intensity = (w00 * image[p]) + (w10 * image[p + 1]) + (w01 * image[p + stride]) + (w11 * image[p + stride + 1]);
                    float scaled = intensity * LogTableSize;
                    int k = (int)scaled;
                    if (k > LogTableSize)
                    {
                        k = LogTableSize;
                    }

                    float frac = scaled - k;
                    target[i] = table[k] + (frac * (table[k + 1] - table[k]));
                }
            }
        }

        private void Compare(float[] current, long stepStart, long stepLength)
        {
            _stepCount = 0;
            int refractory = _o.RefractoryMicroseconds;
            for (int i = 0; i < current.Length; i++)
            {
                float level = current[i];
                float before = _previous[i];
                if (level == before)
                {
                    continue;
                }

                float threshold = _threshold[i];
                float reference = _reference[i];
                float change = level - before;
                while (level - reference >= threshold)
                {
                    reference += threshold;
                    Emit(i, 1, stepStart, stepLength, (reference - before) / change, refractory);
                }

                while (reference - level >= threshold)
                {
                    reference -= threshold;
                    Emit(i, 0, stepStart, stepLength, (reference - before) / change, refractory);
                }

                _reference[i] = reference;
                _previous[i] = level;
            }

            if (_stepCount > 1)
            {
                Array.Sort(_stepKeys, _stepEvents, 0, _stepCount);
            }

            if (_count + _stepCount > _events.Length)
            {
                Array.Resize(ref _events, Math.Max(_events.Length * 2, _count + _stepCount));
            }

            Array.Copy(_stepEvents, 0, _events, _count, _stepCount);
            _count += _stepCount;
        }

        private void Emit(int pixel, byte polarity, long stepStart, long stepLength, float fraction, int refractory)
        {
            double f = fraction < 0 ? 0 : fraction;
            long offset = (long)(f * stepLength);
            if (offset >= stepLength)
            {
                offset = stepLength - 1;
            }

            long t = stepStart + offset;
            if (t - _lastEvent[pixel] < refractory)
            {
                return;
            }

            _lastEvent[pixel] = t;
            if (_stepCount == _stepKeys.Length)
            {
                Array.Resize(ref _stepKeys, _stepCount * 2);
                Array.Resize(ref _stepEvents, _stepCount * 2);
            }

            // Sort key: time within the step, then emission order (pixel order), so ties are deterministic.
            _stepKeys[_stepCount] = (offset << 32) | (uint)_stepCount;
            _stepEvents[_stepCount] = new Event((ushort)(pixel % _sensorWidth), (ushort)(pixel / _sensorWidth), polarity, t);
            _stepCount++;
        }
    }
}
