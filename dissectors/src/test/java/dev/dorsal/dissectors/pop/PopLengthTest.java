package dev.dorsal.dissectors.pop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The message length POP reads from the reply to RETR/TOP. Expected values are what tshark 4.0.17
 * did with the same replies in fuzz/pop_crafted.pcap: after "+OK 120 octets" it kept the next three
 * data frames (86 bytes) as fragments of an unfinished message; "+OK message follows" got its
 * "Length must be a string containing an integer" error. The whole dissector is compared with tshark
 * by the shell's differential tests.
 */
class PopLengthTest {
    @Test
    void lengthIsTheNumberStartingTheSecondWord() {
        assertEquals(120, PopDissector.secondTokenNumber("+OK 120 octets"));
    }

    @Test
    void secondWordWithoutDigitsHasNoLength() {
        assertEquals(-1, PopDissector.secondTokenNumber("+OK message follows"));
    }
}
