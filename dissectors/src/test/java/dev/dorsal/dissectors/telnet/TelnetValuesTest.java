package dev.dorsal.dissectors.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Telnet's names as tshark 4.0.17 printed them for IAC DO 0..255 and every command (the whole
 * dissector is compared with tshark by the shell's differential tests on fuzz/telnet_crafted.pcap).
 */
class TelnetValuesTest {
    @Test
    void optionsAreNamedUpToForwardX() {
        assertEquals("Binary Transmission", TelnetValues.option(0));
        assertEquals("Terminal Type", TelnetValues.option(24));
        assertEquals("Negotiate About Window Size", TelnetValues.option(31));
        assertEquals("FORWARD_X", TelnetValues.option(49));
    }

    @Test
    void laterOptionsAreUnknown() {
        assertEquals("<unknown option>", TelnetValues.option(50));
        assertEquals("<unknown option>", TelnetValues.option(255));
    }

    @Test
    void negotiationCommandsUseShortNames() {
        assertEquals("Will", TelnetValues.COMMANDS.name(251));
        assertEquals("Won't", TelnetValues.COMMANDS.name(252));
        assertEquals("Do", TelnetValues.COMMANDS.name(253));
        assertEquals("Don't", TelnetValues.COMMANDS.name(254));
    }

    @Test
    void otherCommandsAreSpelledOut() {
        assertEquals("End of File", TelnetValues.COMMANDS.name(236));
        assertEquals("Are You There?", TelnetValues.COMMANDS.name(246));
        assertEquals("Suboption End", TelnetValues.COMMANDS.name(240));
    }
}
