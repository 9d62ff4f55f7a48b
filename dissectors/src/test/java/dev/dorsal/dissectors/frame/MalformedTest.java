package dev.dorsal.dissectors.frame;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A frame that ends inside the header of any link or network layer dissector is marked as cut by
 * the snaplen or as malformed, naming the protocol tshark names, and never breaks the dissection.
 * The frames (src/test/resources/l2l3/malformed, written by mkmalformed.py there) cover Ethernet,
 * VLAN, 802.1ad, ARP, IPv4 (header and options), IPv6 and its four extension headers, ICMP, ICMPv6,
 * Linux cooked v1/v2, BSD loopback and raw IP.
 */
class MalformedTest {
    @Test
    void shortFramesAreMarkedAsTsharkMarksThem() {
        String dir = Path.of("src/test/resources/l2l3/malformed").toAbsolutePath().toString();
        List<String> result = Isolated.call("link-layer", MalformedRun.class, "run", dir);
        int checked = Integer.parseInt(result.get(0).substring("checked ".length()));
        List<String> problems = result.subList(1, result.size());
        assertTrue(checked >= 40, "only " + checked + " frames checked");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
