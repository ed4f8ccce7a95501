namespace Spiking.Edge.Devices.Sensors.GenX320;

/// <summary>
/// Field positions and values inside the registers of <see cref="GenX320Register"/>, as laid out in OpenEB's
/// <c>genx320es_registermap.h</c>; composite values (the readout start/stop words) are built from those fields and
/// equal the values of OpenEB's ISSD start/stop sequences (<c>genx320es_cx3_issd.h</c>). See README.md.
/// </summary>
public static class GenX320Fields
{
    /// <summary>Sensor width in pixels.</summary>
    public const int SensorWidth = 320;

    /// <summary>Sensor height in pixels.</summary>
    public const int SensorHeight = 320;

    /// <summary>Chip id of mass-production parts (OpenMV <c>omv_csi.h</c> GENX320_ID_MP; Prophesee SAPHIR_MP_ID).</summary>
    public const uint MassProductionChipId = 0xB0602003;

    /// <summary>Chip id of engineering samples (OpenEB <c>genx320_cx3_tz_device.cpp</c>; Prophesee SAPHIR_ES_ID).</summary>
    public const uint EngineeringSampleChipId = 0x30501C01;

    /// <summary>7-bit I2C address (Prophesee <c>genx320.h</c> I2C_ADDRESS; OpenMV GENX320_SLV_ADDR 0x78 in 8-bit form).</summary>
    public const int DefaultI2cAddress = 0x3C;

    /// <summary><c>roi_ctrl.roi_td_en</c> (bit 1): the pixel-array ROI is applied.</summary>
    public const uint RoiTdEnable = 1u << 1;

    /// <summary><c>roi_ctrl.px_sw_rstn</c> (bit 10): pixel software reset released.</summary>
    public const uint RoiPixelResetRelease = 1u << 10;

    /// <summary><c>roi_ctrl.px_roi_halt_programming</c> (bit 11).</summary>
    public const uint RoiHaltProgramming = 1u << 11;

    /// <summary><c>roi_ctrl</c> while streaming (ISSD start: 0x00000C02).</summary>
    public const uint RoiControlStreaming = RoiTdEnable | RoiPixelResetRelease | RoiHaltProgramming;

    /// <summary><c>roi_ctrl</c> while stopped: pixels held in software reset (ISSD stop: 0x00000802).</summary>
    public const uint RoiControlStopped = RoiTdEnable | RoiHaltProgramming;

    /// <summary><c>roi_master_ctrl.roi_master_en</c> (bit 0).</summary>
    public const uint RoiMasterEnable = 1u << 0;

    /// <summary><c>roi_master_ctrl.roi_master_run</c> (bit 1).</summary>
    public const uint RoiMasterRun = 1u << 1;

    /// <summary>Shift of <c>roi_master_ctrl.roi_win_nb</c> (bits 3–7), the number of windows applied.</summary>
    public const int RoiWindowCountShift = 3;

    /// <summary>Shift of the end coordinate + 1 in <c>roi_win_x0</c> / <c>roi_win_y0</c> (bits 16–24).</summary>
    public const int RoiWindowEndShift = 16;

    // ro_td_ctrl fields (genx320es_registermap.h).
    private const uint TdPdyDrive4 = 4u << 0;
    private const uint TdPullUpDrive4 = 4u << 3;
    private const uint TdSendRequestYResetRelease = 1u << 8;
    private const uint TdIntXResetRelease = 1u << 9;
    private const uint TdIntYResetRelease = 1u << 10;
    private const uint TdAddressYResetRelease = 1u << 14;
    private const uint TdAckYResetRelease = 1u << 15;
    private const uint TdArbiterYResetRelease = 1u << 17;
    private const uint TdIntXActivePullUp4 = 4u << 19;

    /// <summary><c>ro_td_ctrl</c> while stopped: drives at 4, only the x/y integrator resets released (0x00200624).</summary>
    public const uint ReadoutTdStopped = TdPdyDrive4 | TdPullUpDrive4 | TdIntXActivePullUp4 | TdIntXResetRelease | TdIntYResetRelease;

    /// <summary><c>ro_td_ctrl</c> while streaming: every readout reset released (0x0022C724).</summary>
    public const uint ReadoutTdStreaming = ReadoutTdStopped | TdSendRequestYResetRelease | TdAddressYResetRelease | TdAckYResetRelease | TdArbiterYResetRelease;

    /// <summary><c>ro/time_base_ctrl.time_base_enable</c> (bit 0).</summary>
    public const uint TimeBaseEnable = 1u << 0;

    /// <summary><c>ro/ro_lp_ctrl.lp_output_disable</c> (bit 1).</summary>
    public const uint LowPowerOutputDisable = 1u << 1;

    /// <summary><c>edf/control.format</c> value selecting EVT 2.1 (OpenEB ES ISSD init writes 0x00000002; EVT 2.0 is 0).</summary>
    public const uint EventFormatEvt21 = 2;

    /// <summary>Bit 0 of <c>cpi/pipeline_control</c> and <c>mipi_csi/csi_ctrl</c>: the output block is enabled.</summary>
    public const uint OutputEnable = 1u << 0;

    /// <summary>Bit 0 of a filter's <c>pipeline_control</c>: enable.</summary>
    public const uint PipelineEnable = 1u << 0;

    /// <summary>Bit 2 of a filter's <c>pipeline_control</c>: bypass (events pass unfiltered).</summary>
    public const uint PipelineBypass = 1u << 2;

    /// <summary><c>sram_initn.ehc_stc_initn</c> (bit 1).</summary>
    public const uint SramInitStc = 1u << 1;

    /// <summary><c>sram_initn.erc_dl_initn</c> (bit 2).</summary>
    public const uint SramInitErcDelayFifo = 1u << 2;

    /// <summary><c>sram_pd0.stc0_pd</c> (bits 15–19).</summary>
    public const uint SramPowerDownStc0 = 0x1Fu << 15;

    /// <summary><c>sram_pd1.erc_dl_pd</c> (bit 3).</summary>
    public const uint SramPowerDownErcDelayFifo = 1u << 3;

    /// <summary>The ERC reference period in µs that OpenEB programs (<c>genx320_erc.h</c> REF_PERIOD).</summary>
    public const int ErcReferencePeriodMicroseconds = 100;

    /// <summary>Largest ERC event count per reference period (<c>genx320_erc.h</c> CD_EVENT_COUNT_MAX).</summary>
    public const int ErcMaxEventCount = 20_000;

    /// <summary><c>erc/ref_period_flavor.avg_drop_rate_delayed</c> (bit 16).</summary>
    public const uint ErcAverageDropRateDelayed = 1u << 16;

    /// <summary>Delay-FIFO entries OpenEB reserves for non-CD words (<c>genx320_erc.cpp</c> activate_dyn).</summary>
    public const uint ErcDelayFifoReservedEntries = 28;

    /// <summary><c>erc/delay_fifo_non_td_rsvd_area.auto_raise</c> (bit 16).</summary>
    public const uint ErcDelayFifoAutoRaise = 1u << 16;

    /// <summary>Monitoring words OpenEB enables: avg_drop_rate (bit 1), in_td_cnt (bit 2), erc_td_evt_cnt (bit 9).</summary>
    public const uint ErcMonitoringMinimal = (1u << 1) | (1u << 2) | (1u << 9);

    /// <summary><c>erc/ahvt_dropping_control.t_dropping_en</c> (bit 2).</summary>
    public const uint ErcTemporalDropping = 1u << 2;

    /// <summary><c>drop_all_td_when_drop_geq</c> = 512 (bits 4–13), as OpenEB writes it.</summary>
    public const uint ErcDropAllThreshold512 = 512u << 4;

    /// <summary><c>stc/stc_param.enable</c> (bit 0).</summary>
    public const uint StcEnable = 1u << 0;

    /// <summary>Shift of <c>stc/stc_param.threshold</c> (bits 1–19, µs).</summary>
    public const int StcThresholdShift = 1;

    /// <summary><c>stc/initialization.req_init</c> (bit 0).</summary>
    public const uint StcInitRequest = 1u << 0;

    /// <summary><c>stc/initialization.flag_init_done</c> (bit 2).</summary>
    public const uint StcInitDone = 1u << 2;

    /// <summary>Smallest STC threshold OpenEB accepts, µs (<c>event_trail_filter.cpp</c>).</summary>
    public const int StcMinThresholdMicroseconds = 1_000;

    /// <summary>Largest STC threshold OpenEB accepts, µs.</summary>
    public const int StcMaxThresholdMicroseconds = 100_000;
}
