namespace Spiking.Edge.Devices.Formats.Aedat;

/// <summary>How the 32-bit address of an AEDAT 2.0 record is laid out; AEDAT 2.0 files do not say, the sensor does.</summary>
public enum Aedat2AddressConvention
{
    /// <summary>
    /// DAVIS sensors (jAER's <c>DavisChip</c>): bit 31 set = APS or IMU sample (skipped); bit 10 set = external
    /// input event (skipped); otherwise a DVS event with y in bits 30–22, x in bits 21–12, polarity (1 = ON) in bit 11.
    /// </summary>
    Davis,

    /// <summary>
    /// DVS128 (jAER's <c>DVS128</c> extractor): x in bits 7–1, y in bits 14–8, raw polarity in bit 0 with 0 = ON;
    /// bit 15 or above set = special / sync event (skipped). The sensor is always 128 × 128.
    /// </summary>
    Dvs128,
}
