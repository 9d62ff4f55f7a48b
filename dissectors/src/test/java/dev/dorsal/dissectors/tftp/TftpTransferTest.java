package dev.dorsal.dissectors.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The per-transfer block counting tshark 4.0.17 shows as "Full Block Number" and in Info (the expected
 * numbers are tshark's for the same sequences; the whole dissector is compared with tshark by the
 * shell's differential tests on {@code fuzz/tftp_crafted.pcap}).
 */
class TftpTransferTest {
    @Test
    void blockNumbersCountOnPastTheWrap() {
        TftpDissector.Transfer t = new TftpDissector.Transfer(1, true, "wrap.bin");
        assertEquals(65535, t.fullBlock(65535));
        assertEquals(65535, t.fullBlock(65535)); // the ACK of the same block
        assertEquals(65536, t.fullBlock(0));
        assertEquals(65536, t.fullBlock(0));
        assertEquals(65537, t.fullBlock(1));
    }

    @Test
    void retransmissionsAndTheFirstAckDoNotWrap() {
        TftpDissector.Transfer t = new TftpDissector.Transfer(1, false, "f");
        assertEquals(0, t.fullBlock(0));
        assertEquals(2, t.fullBlock(2));
        assertEquals(1, t.fullBlock(1));
        assertEquals(2, t.fullBlock(2));
        assertEquals(TftpDissector.DEFAULT_BLOCK_SIZE, t.blockSize);
    }
}
