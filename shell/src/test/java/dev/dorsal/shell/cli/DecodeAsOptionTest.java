package dev.dorsal.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.shell.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code -d LAYER==SELECTOR,PROTOCOL} against tshark 4.0.17's output for the same runs
 * ({@code corpus/make_decode_as_oracles.sh}), its messages for mistakes, and that an entry lasts
 * one run only (the registry is shared by every run in this JVM).
 */
class DecodeAsOptionTest {
    private static Path resource(String path) throws Exception {
        return Path.of(DecodeAsOptionTest.class.getResource("/corpus/" + path).toURI());
    }

    private static void same(String capture, String spec, String oracle) throws Exception {
        CliRun r = CliRun.run("-r", resource("captures/" + capture).toString(), "-d", spec);
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(resource("oracle/decode_as/" + oracle), StandardCharsets.UTF_8), r.out());
    }

    @Test
    void portHandedToDataInsteadOfHttp() throws Exception {
        same("http_pyserver.pcap", "tcp.port==8080,data", "http_pyserver.8080_data.txt");
    }

    @Test
    void tlsPortHandedToHttp() throws Exception {
        same("tls_on_nonstandard_port.pcap", "tcp.port==8443,http", "tls_on_nonstandard_port.8443_http.txt");
    }

    @Test
    void startAndCountSelector() throws Exception {
        same("dns_udp.pcap", "udp.port==53:1,data", "dns_udp.53_data.txt");
    }

    @Test
    void entriesLastOneRun() throws Exception {
        String file = resource("captures/http_pyserver.pcap").toString();
        String normal = CliRun.run("-r", file).out();
        CliRun.run("-r", file, "-d", "tcp.port==8080,data");
        assertEquals(normal, CliRun.run("-r", file).out());
        assertTrue(normal.contains("HTTP"), normal);
    }

    @Test
    void mistakesGetTsharksMessages() throws Exception {
        String file = resource("captures/dns_udp.pcap").toString();
        CliRun noProtocol = CliRun.run("-r", file, "-d", "udp.port==53");
        assertEquals(1, noProtocol.exit());
        assertTrue(noProtocol.err().startsWith("dorsal: Parameter \"udp.port==53\" doesn't follow the template "
                + "\"<layer_type>==<selector>,<decode_as_protocol>\"\ndorsal: Valid protocols for layer type "
                + "\"udp.port\" are:\n\t"), noProtocol.err());
        CliRun table = CliRun.run("-r", file, "-d", "nosuch.port==1,dns");
        assertEquals(1, table.exit());
        assertTrue(table.err().startsWith("dorsal: Unknown layer type -- nosuch.port\ndorsal: Valid layer types are:\n\t"),
                table.err());
        CliRun protocol = CliRun.run("-r", file, "-d", "udp.port==53,nosuch");
        assertEquals(1, protocol.exit());
        assertTrue(protocol.err().startsWith("dorsal: Unknown protocol -- \"nosuch\"\n"), protocol.err());
        CliRun number = CliRun.run("-r", file, "-d", "udp.port==abc,dns");
        assertEquals("dorsal: Invalid selector number \"abc\"\n", number.err());
        CliRun single = CliRun.run("-r", file, "-c", "1", "-d", "udp.port=53,dns");
        assertEquals(0, single.exit(), single.err());
        assertEquals("dorsal: WARNING: -d requires \"==\" instead of \"=\". Option will be treated as "
                + "\"udp.port==53,dns\"\n", single.err());
    }
}
