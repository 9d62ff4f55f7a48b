package dev.dorsal.dissectors.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Modbus's Info text and labels as tshark 4.0.17 shows them (each expected text is tshark's). */
class ModbusValuesTest {
    @Test
    void queriesAndResponsesAreAlignedColumns() {
        assertEquals("   Query: Trans:    17; Unit: 255, Func:   4: Read Input Registers",
                ModbusPdu.info(true, 17, 255, 4, "", "Read Input Registers", false));
        assertEquals("Response: Trans:     1; Unit:   1, Func:   1: Read Coils",
                ModbusPdu.info(false, 1, 1, 1, "", "Read Coils", false));
    }

    @Test
    void exceptionsEndWithASpace() {
        assertEquals("Response: Trans:    20; Unit:   1, Func:   3: Read Holding Registers. Exception returned ",
                ModbusPdu.info(false, 20, 1, 3, "", "Read Holding Registers", true));
    }

    @Test
    void subFunctionsShowAConstantOne() {
        assertEquals("   Query: Trans:     7; Unit:   5, Func:   8/  1: Force Listen Only Mode",
                ModbusPdu.info(true, 7, 5, 8, String.format("/%3d", 1), "Force Listen Only Mode", false));
    }

    @Test
    void tablesCarryTsharksLabels() {
        assertEquals("Unity (Schneider)", ModbusPdu.FUNCTIONS.name(90));
        assertEquals("Gateway target device failed to respond", ModbusPdu.EXCEPTIONS.name(11));
        assertEquals("CANopen Request/Response ", ModbusPdu.MEI.name(13));
        assertEquals("Clear Log", ModbusExtras.RESTART_OPTIONS.name(0xff));
    }
}
