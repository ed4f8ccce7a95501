using System;
using Spiking.Edge.Runtime;
using Spiking.Edge.Runtime.Events;
using Spiking.Edge.Runtime.Events.Evt21;
using Spiking.Edge.Runtime.Events.Transforms;

namespace Spiking.Edge.Sample.Nano
{
    /// <summary>
    /// Decodes EVT 2.1 bytes into one preallocated <see cref="Event"/> buffer, maps the sensor geometry onto the
    /// model's (<see cref="SpatialDownsample"/>, e.g. 320 × 320 → 34 × 34), cuts the stream into consecutive windows of
    /// the model's sample duration (<see cref="StreamSegmenter"/>) and runs the network on each, printing the
    /// predicted class and SynOps when a window closes. Nothing is allocated per event or per window.
    /// </summary>
    internal sealed class WindowClassifier
    {
        private const long TicksPerMillisecond = 10000;

        private readonly Network _network;
        private readonly Evt21StreamDecoder _decoder;
        private readonly IEventTransform _downsample;
        private readonly StreamSegmenter _segmenter;
        private readonly Event[] _events;
        private long _windowEvents;
        private long _windowStartTicks;
        private long _windows;

        private WindowClassifier(Network network, Evt21StreamDecoder decoder, IEventTransform downsample, StreamSegmenter segmenter, Event[] events)
        {
            _network = network;
            _decoder = decoder;
            _downsample = downsample;
            _segmenter = segmenter;
            _events = events;
        }

        /// <summary>The classifier, or null after printing why the sensor cannot feed this model.</summary>
        public static WindowClassifier Create(Network network, int sensorWidth, int sensorHeight, Evt21ByteOrder byteOrder, int eventBufferLength)
        {
            IEventTransform downsample = null;
            bool fits = sensorWidth <= network.InputWidth && sensorHeight <= network.InputHeight;
            if (!fits)
            {
                if (sensorWidth < network.InputWidth || sensorHeight < network.InputHeight)
                {
                    Report.Line("events: a " + sensorWidth.ToString() + "x" + sensorHeight.ToString() + " sensor cannot be scaled to the model's "
                        + network.InputWidth.ToString() + "x" + network.InputHeight.ToString() + " input on both axes; add a CropCentre first");
                    return null;
                }

                downsample = new SpatialDownsample(sensorWidth, sensorHeight, network.InputWidth, network.InputHeight, 1);
                Report.Line("events: downsampling " + sensorWidth.ToString() + "x" + sensorHeight.ToString() + " to "
                    + network.InputWidth.ToString() + "x" + network.InputHeight.ToString());
            }

            long duration = (long)network.TickMicroseconds * network.TicksPerSample;
            return new WindowClassifier(
                network,
                new Evt21StreamDecoder(byteOrder, sensorWidth, sensorHeight),
                downsample,
                StreamSegmenter.FixedDuration(duration, duration),
                new Event[eventBufferLength]);
        }

        /// <summary>Decodes and classifies <paramref name="bytes"/>[offset, offset + count); false once the stream is malformed.</summary>
        public bool Feed(byte[] bytes, int offset, int count)
        {
            while (count > 0 && !_decoder.IsFaulted)
            {
                int consumed;
                int decoded = _decoder.Decode(bytes, offset, count, _events, 0, _events.Length, out consumed);
                offset += consumed;
                count -= consumed;
                Classify(decoded);
                if (consumed == 0 && decoded == 0)
                {
                    break;
                }
            }

            if (_decoder.IsFaulted)
            {
                Report.Line("events: malformed EVT 2.1 at body byte " + _decoder.FaultOffset.ToString() + ": " + _decoder.FaultReason);
                return false;
            }

            return true;
        }

        /// <summary>Ends the stream: closes the last window (reported as cut short) and prints the decoder's counters.</summary>
        public void Complete()
        {
            if (!_decoder.IsFaulted && !_decoder.Complete())
            {
                Report.Line("events: " + _decoder.FaultReason + " (body byte " + _decoder.FaultOffset.ToString() + ")");
            }

            _segmenter.Finish();
            while (_segmenter.NextSegment())
            {
                OnSegment();
            }

            Report.Line("done: " + _windows.ToString() + " windows, " + _decoder.EventCount.ToString() + " events decoded, dropped "
                + _decoder.DroppedBeforeTimeBase.ToString() + " before the first TIME_HIGH and "
                + _decoder.DroppedOutOfGeometry.ToString() + " outside the sensor");
        }

        private void Classify(int decoded)
        {
            int kept = _downsample == null ? decoded : _downsample.Apply(_events, 0, decoded);
            _segmenter.Consume(_events, 0, kept);
            while (_segmenter.NextSegment())
            {
                OnSegment();
            }
        }

        private void OnSegment()
        {
            if (_segmenter.Opens)
            {
                _network.BeginSample(_segmenter.WindowStartMicroseconds);
                _windowEvents = 0;
                _windowStartTicks = DateTime.UtcNow.Ticks;
            }

            _network.PushEvents(_events, _segmenter.First, _segmenter.Count);
            _windowEvents += _segmenter.Count;
            if (_segmenter.Closes)
            {
                _network.FinishSample();
                long milliseconds = (DateTime.UtcNow.Ticks - _windowStartTicks) / TicksPerMillisecond;
                _windows++;
                Report.Line("window " + _segmenter.WindowIndex.ToString() + " [" + _segmenter.WindowStartMicroseconds.ToString() + " us, "
                    + _segmenter.WindowEndMicroseconds.ToString() + " us): class " + _network.PredictedClass.ToString()
                    + ", SynOps " + _network.SynOps.ToString() + ", " + _windowEvents.ToString() + " events, "
                    + milliseconds.ToString() + " ms" + (_segmenter.Truncated ? " (stream ended inside the window)" : string.Empty));
            }
        }
    }
}
