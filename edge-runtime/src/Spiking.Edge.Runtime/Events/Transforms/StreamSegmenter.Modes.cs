namespace Spiking.Edge.Runtime.Events.Transforms
{
    /// <summary>The three segmentation modes, each a step of <see cref="NextSegment"/>.</summary>
    public sealed partial class StreamSegmenter
    {
        // Fixed duration: candidates are the open windows (contiguous, lowest first), then the windows after them.
        private bool NextFixedDuration()
        {
            while (true)
            {
                long w = _candidate;
                bool open = w < _nextWindow;
                if (!open)
                {
                    if (_finishing)
                    {
                        return false;
                    }

                    if (!_hasOrigin)
                    {
                        if (_chunkStart == _chunkEnd)
                        {
                            return false;
                        }

                        _origin = EffectiveTime(_chunkStart, _carried);
                        _hasOrigin = true;
                    }
                }

                long start = _origin + (w * _hop);
                long end = start + _duration;
                if (_finishing)
                {
                    Report(w, start, end, 0, 0, false, true, true);
                    _candidate = w + 1;
                    return true;
                }

                int first = Seek(ref _startPos, ref _startMax, start);
                int stop = Seek(ref _endPos, ref _endMax, end);
                bool closes = _chunkMax >= end;
                if (!open)
                {
                    if (first == stop)
                    {
                        if (!closes)
                        {
                            return false;
                        }

                        // Window w holds no event and never will: jump to the first window that can hold the next one.
                        long next = stop < _chunkEnd ? TimeAt(ref _endPos, ref _endMax, stop) : _chunkMax;
                        long target = FirstWindowEndingAfter(next);
                        if (target <= w)
                        {
                            target = w + 1;
                        }

                        _emptyWindowsSkipped += target - w;
                        _nextWindow = target;
                        _candidate = target;
                        continue;
                    }

                    _nextWindow = w + 1;
                    _openCount++;
                }
                else if (first == stop && !closes)
                {
                    _candidate = w + 1;
                    continue;
                }

                Report(w, start, end, first, stop - first, !open, closes, false);
                _candidate = w + 1;
                return true;
            }
        }

        // Smallest k ≥ 0 with origin + k·hop + duration > time.
        private long FirstWindowEndingAfter(long time)
        {
            long past = time - _origin - _duration;
            return past < 0 ? 0 : (past / _hop) + 1;
        }

        // Fixed count: window k holds stream positions [k·M, k·M + N).
        private bool NextFixedCount()
        {
            long chunkFirst = _chunkGlobalStart;
            long chunkLast = _chunkGlobalStart + (_chunkEnd - _chunkStart);
            while (true)
            {
                long w = _candidate;
                bool open = w < _nextWindow;
                int slot = (int)(w % _openStarts.Length);
                if (_finishing)
                {
                    if (!open)
                    {
                        return false;
                    }

                    Report(w, _openStarts[slot], _lastEventTime + 1, 0, 0, false, true, true);
                    _candidate = w + 1;
                    return true;
                }

                long windowFirst = w * _hopEvents;
                long windowLast = windowFirst + _windowEvents;
                if (!open && windowFirst >= chunkLast)
                {
                    return false;
                }

                int first = _chunkStart + (int)((windowFirst > chunkFirst ? windowFirst : chunkFirst) - chunkFirst);
                int stop = _chunkStart + (int)((windowLast < chunkLast ? windowLast : chunkLast) - chunkFirst);
                if (first == stop)
                {
                    // An open window and a chunk without events: nothing to say.
                    _candidate = w + 1;
                    continue;
                }

                if (!open)
                {
                    _openStarts[slot] = TimeAt(ref _startPos, ref _startMax, first);
                    _nextWindow = w + 1;
                    _openCount++;
                }

                bool closes = windowLast <= chunkLast;
                Report(w, _openStarts[slot], TimeAt(ref _endPos, ref _endMax, stop - 1) + 1, first, stop - first, !open, closes, false);
                _candidate = w + 1;
                return true;
            }
        }

        // Activity: one window at a time; the rate history sees every event once, in order.
        private bool NextActivity()
        {
            if (_finishing)
            {
                if (_openCount == 0)
                {
                    return false;
                }

                Report(_nextWindow - 1, _activeStart, _activeEnd, 0, 0, false, true, true);
                return true;
            }

            bool opens = false;
            int first = _startPos;
            if (_openCount == 0)
            {
                while (_startPos < _chunkEnd && !opens)
                {
                    long time = EffectiveTime(_startPos, _startMax);
                    _startMax = time;
                    first = _startPos;
                    _startPos++;
                    if (Remember(time))
                    {
                        opens = true;
                        _activeStart = time;
                        _activeEnd = time + _duration;
                        _nextWindow++;
                        _openCount = 1;
                    }
                }

                if (!opens)
                {
                    return false;
                }
            }

            while (_startPos < _chunkEnd)
            {
                long time = EffectiveTime(_startPos, _startMax);
                if (time >= _activeEnd)
                {
                    break;
                }

                _startMax = time;
                _startPos++;
                Remember(time);
            }

            bool closes = _chunkMax >= _activeEnd;
            if (!opens && !closes && _startPos == first)
            {
                return false;
            }

            Report(_nextWindow - 1, _activeStart, _activeEnd, first, _startPos - first, opens, closes, false);
            return true;
        }

        // Adds an effective time to the rate history; true when the last K times span less than the interval.
        private bool Remember(long time)
        {
            _recent[_recentHead] = time;
            _recentHead++;
            if (_recentHead == _recent.Length)
            {
                _recentHead = 0;
            }

            if (_recentFilled < _recent.Length)
            {
                _recentFilled++;
            }

            // After the write, the head is the oldest of the last K times.
            return _recentFilled == _recent.Length && time - _recent[_recentHead] < _interval;
        }
    }
}
