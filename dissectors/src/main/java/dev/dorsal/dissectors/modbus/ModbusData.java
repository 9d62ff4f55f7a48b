package dev.dorsal.dissectors.modbus;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Shows the coil and register lists of Modbus requests and responses as tshark does by default: one
 * item per bit ("Bit N : v") and one per 16-bit register ("Register N (UINT16): v"), numbered from the
 * reference of the matching request (0 when it was not seen).
 */
final class ModbusData {
    static final FieldDef BIT_NUMBER = FieldDef.uint16("modbus.bitnum", "Bit Number");
    static final FieldDef BIT_VALUE = FieldDef.bool("modbus.bitval", "Bit Value", 8, 0x01)
            .tfs(dev.dorsal.engine.spi.TrueFalse.TRUE_FALSE);
    static final FieldDef REG_NUMBER = FieldDef.uint16("modbus.regnum16", "Register Number");
    static final FieldDef REG_VALUE = FieldDef.uint16("modbus.regval_uint16", "Register Value (UINT16)");

    static final List<FieldDef> FIELDS = List.of(BIT_NUMBER, BIT_VALUE, REG_NUMBER, REG_VALUE);

    private ModbusData() {}

    /** {@code count} bits from {@code off} (all bits of the bytes when count is unknown, -1). */
    static void bits(Tvb tvb, int off, int bytes, int ref, int count, ProtoItem tree) {
        tvb.bytes(off, bytes); // all of them first: a cut list shows none, as in tshark
        int n = count < 0 ? bytes * 8 : Math.min(count, bytes * 8);
        for (int i = 0; i < n; i++) {
            int at = off + i / 8;
            int v = (tvb.u8(at) >> (i % 8)) & 1;
            ProtoItem b = tree.addText(tvb, at, 1, "Bit " + (ref + i) + " : " + v);
            b.addUint(BIT_NUMBER, tvb, at, 1, ref + i).setGenerated();
            b.addUint(BIT_VALUE, tvb, at, 1, v);
        }
    }

    /** The 16-bit registers of {@code bytes} bytes from {@code off}, numbered from {@code ref}. */
    static void registers(Tvb tvb, int off, int bytes, int ref, ProtoItem tree) {
        tvb.bytes(off, bytes);
        for (int i = 0; i + 1 < bytes; i += 2) {
            int reg = ref + i / 2;
            int v = tvb.u16(off + i);
            ProtoItem r = tree.addText(tvb, off + i, 2, "Register " + reg + " (UINT16): " + v);
            r.addUint(REG_NUMBER, tvb, off + i, 2, reg);
            r.add(REG_VALUE, tvb, off + i, 2);
        }
    }
}
