using Spiking.Edge.Devices.Sensors.GenX320;

namespace Spiking.Edge.Devices.Tests.Sensors.GenX320;

public class GenX320IdentityTests
{
    [Fact]
    public void A_sensor_answering_the_expected_chip_id_is_accepted_after_one_register_read()
    {
        using var rig = new GenX320Rig();

        var sensor = rig.Create();

        Assert.Equal(0xB0602003u, sensor.ChipId);
        Assert.Equal(["i2c read 0x0014"], rig.Log);
    }

    [Fact]
    public void A_wrong_chip_id_is_refused_naming_the_bus_the_address_and_both_ids()
    {
        using var rig = new GenX320Rig(chipId: GenX320Fields.EngineeringSampleChipId);

        var error = Assert.Throws<GenX320IdentityException>(() => rig.Create());

        Assert.Equal("GenX320 on I2C bus 1 address 0x3C: expected chip id 0xB0602003, found 0x30501C01", error.Message);
        Assert.Equal(0x30501C01u, error.FoundChipId);
    }

    [Fact]
    public void An_engineering_sample_is_accepted_when_its_id_is_the_expected_one()
    {
        using var rig = new GenX320Rig(chipId: GenX320Fields.EngineeringSampleChipId);

        var sensor = rig.Create(rig.Options(o => new GenX320Options { ExpectedChipId = GenX320Fields.EngineeringSampleChipId, DelayMicroseconds = o.DelayMicroseconds }));

        Assert.Equal(GenX320Fields.EngineeringSampleChipId, sensor.ChipId);
    }

    [Fact]
    public void A_failing_chip_id_read_names_the_bus_and_the_register_in_one_line()
    {
        using var rig = new GenX320Rig();
        rig.I2c.FailingRead = 0x0014;

        var error = Assert.Throws<GenX320BusException>(() => rig.Create());

        Assert.Equal("GenX320 on I2C bus 1 address 0x3C: reading register 0x0014 (ChipId) failed: Error 121 performing I2C data transfer.", error.Message);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(-1, error.StreamOffset);
    }

    [Fact]
    public void Register_transfers_put_the_16_bit_address_and_the_32_bit_value_big_endian_on_the_wire()
    {
        using var rig = new GenX320Rig();
        var sensor = rig.Create();
        rig.I2c.Transfers.Clear();
        rig.I2c.Registers[0x9008] = 0x01020304;

        sensor.Registers.Write(GenX320Register.EventDataFormatterControl, 0xA1B2C3D4);
        uint read = sensor.Registers.Read(GenX320Register.ReadoutTimeBaseControl);

        Assert.Equal(new byte[] { 0x70, 0x44, 0xA1, 0xB2, 0xC3, 0xD4 }, rig.I2c.Transfers[0]);
        Assert.Equal(new byte[] { 0x90, 0x08 }, rig.I2c.Transfers[1]);
        Assert.Equal(0x01020304u, read);
    }
}
