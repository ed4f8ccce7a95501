namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>
/// Addresses of the GenX320 control registers this driver uses (16-bit addresses of 32-bit registers). Source:
/// OpenEB <c>hal_psee_plugins/include/devices/genx320/register_maps/genx320es_registermap.h</c> (Apache-2.0); the
/// register names in the remarks are OpenEB's. See README.md, "Register map".
/// </summary>
public enum GenX320Register : ushort
{
    /// <summary><c>roi_ctrl</c>: pixel-array ROI enable, pixel software reset, ROI programming halt.</summary>
    RoiControl = 0x0000,

    /// <summary><c>chip_id</c>: 0xB0602003 on mass-production parts, 0x30501C01 on engineering samples.</summary>
    ChipId = 0x0014,

    /// <summary><c>ro_td_ctrl</c>: resets and drive strengths of the pixel readout (released to stream).</summary>
    ReadoutTdControl = 0x002C,

    /// <summary><c>roi_master_ctrl</c>: the ROI master (enable, run, ROI/RONI mode, number of windows).</summary>
    RoiMasterControl = 0x0034,

    /// <summary><c>roi_master_chicken_bit</c>: bit 0 <c>roi_driver_register_if_en</c> (0 = the master drives the ROI).</summary>
    RoiMasterChickenBit = 0x0044,

    /// <summary><c>sram_initn</c>: SRAM initialisation releases (bit 1 STC/EHC, bit 2 ERC delay FIFO).</summary>
    SramInitN = 0x00B8,

    /// <summary><c>sram_pd0</c>: SRAM power-downs (bits 15–19 <c>stc0_pd</c>).</summary>
    SramPowerDown0 = 0x00BC,

    /// <summary><c>sram_pd1</c>: SRAM power-downs (bit 3 <c>erc_dl_pd</c>, the ERC delay FIFO).</summary>
    SramPowerDown1 = 0x00C0,

    /// <summary><c>roi_win_x0</c>: first ROI window, start x (bits 0–8) and end x + 1 (bits 16–24).</summary>
    RoiWindowX0 = 0x0400,

    /// <summary><c>roi_win_y0</c>: first ROI window, start y (bits 0–8) and end y + 1 (bits 16–24).</summary>
    RoiWindowY0 = 0x0404,

    /// <summary><c>erc/pipeline_control</c>: event rate controller enable (bit 0), bypass (bit 2).</summary>
    ErcPipelineControl = 0x6000,

    /// <summary><c>erc/ahvt_dropping_control</c>: bit 2 temporal dropping, bits 4–13 drop-all threshold.</summary>
    ErcDroppingControl = 0x6014,

    /// <summary><c>erc/ref_period_flavor</c>: reference period in µs (bits 0–9), delayed average drop rate (bit 16).</summary>
    ErcReferencePeriod = 0x6020,

    /// <summary><c>erc/delay_fifo_non_td_rsvd_area</c>: delay-FIFO entries kept for non-CD words, auto-raise (bit 16).</summary>
    ErcDelayFifoReservedArea = 0x6024,

    /// <summary><c>erc/td_target_event_count</c>: CD events let through per reference period (bits 0–20).</summary>
    ErcTargetEventCount = 0x602C,

    /// <summary><c>erc/monitoring_event_control</c>: which monitoring words the ERC inserts (OTHERS words).</summary>
    ErcMonitoringEventControl = 0x6034,

    /// <summary><c>erc/delay_fifo_flush_and_bypass</c>: bit 0 = bypass the delay FIFO.</summary>
    ErcDelayFifoBypass = 0x60A0,

    /// <summary><c>erc/reset_tdrop_counter_on_mtag_first</c>: bit 0 = reset the temporal-drop counter each period.</summary>
    ErcResetDropCounterEachPeriod = 0x60B4,

    /// <summary><c>edf/control</c>: event data format (bits 0–1; 0 = EVT 2.0, 2 = EVT 2.1), endianness (bit 4).</summary>
    EventDataFormatterControl = 0x7044,

    /// <summary><c>cpi/pipeline_control</c>: parallel (CPI) output; bit 0 enables it.</summary>
    CpiPipelineControl = 0x8000,

    /// <summary><c>ro/time_base_ctrl</c>: bit 0 <c>time_base_enable</c>.</summary>
    ReadoutTimeBaseControl = 0x9008,

    /// <summary><c>ro/ro_lp_ctrl</c>: bit 1 <c>lp_output_disable</c> (readout low-power: no output).</summary>
    ReadoutLowPowerControl = 0x9028,

    /// <summary><c>mipi_csi/csi_ctrl</c>: MIPI CSI-2 output; bit 0 enables it.</summary>
    MipiCsiControl = 0xB000,

    /// <summary><c>stc/pipeline_control</c>: spatio-temporal contrast filter enable (bit 0), bypass (bit 2).</summary>
    StcPipelineControl = 0xD000,

    /// <summary><c>stc/stc_param</c>: STC enable (bit 0), threshold in µs (bits 1–19), keep-trail (bit 24).</summary>
    StcParameters = 0xD008,

    /// <summary><c>stc/trail_param</c>: trail filter enable (bit 0), threshold (bits 1–19).</summary>
    StcTrailParameters = 0xD00C,

    /// <summary><c>stc/initialization</c>: SRAM init request (bit 0), busy (bit 1), done (bit 2).</summary>
    StcInitialization = 0xD0C4,
}
