package dev.dorsal.shell.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dorsal.shell.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Without libpcap, capturing says what is missing and how to get it, with tshark's exit code for a
 * build without capture support (2), and no stack trace; reading files still works. The library is
 * made missing by pointing pcap4j at a file that does not exist, before anything loads it (each shell
 * test class runs in its own JVM).
 */
class NoLibpcapTest {
    static {
        System.setProperty("org.pcap4j.core.pcapLibName", "/nonexistent/libpcap-for-dorsal-test.so");
    }

    private static final String MISSING = """
            dorsal: Live capture needs libpcap, which could not be loaded (Unable to load library \
            '/nonexistent/libpcap-for-dorsal-test.so').
            Install it (Debian and Ubuntu: apt-get install libpcap0.8; Fedora: dnf install libpcap) and try again.
            """;

    @Test
    void listingAndCapturingSayWhatIsMissing() {
        CliRun list = CliRun.run("-D");
        assertEquals(2, list.exit());
        assertEquals(MISSING, list.err());
        assertEquals("", list.out());
        CliRun capture = CliRun.run("-i", "lo", "-c", "1");
        assertEquals(2, capture.exit());
        assertEquals(MISSING, capture.err(), "no stack trace, nothing else");
    }

    @Test
    void readingFilesNeedsNoLibpcap() throws Exception {
        String file = Path.of(NoLibpcapTest.class.getResource("/corpus/captures/dns_udp.pcap").toURI()).toString();
        CliRun r = CliRun.run("-r", file, "-c", "2");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, r.out().lines().count());
        assertFalse(r.err().contains("libpcap"));
    }
}
