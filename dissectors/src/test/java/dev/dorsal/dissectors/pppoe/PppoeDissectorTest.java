package dev.dorsal.dissectors.pppoe;

import static dev.dorsal.dissectors.TunnelFrames.bytes;
import static dev.dorsal.dissectors.TunnelFrames.concat;
import static dev.dorsal.dissectors.TunnelFrames.dissect;
import static dev.dorsal.dissectors.TunnelFrames.eth;
import static dev.dorsal.dissectors.TunnelFrames.items;
import static dev.dorsal.dissectors.TunnelFrames.summary;
import static dev.dorsal.dissectors.TunnelFrames.u16;
import static dev.dorsal.dissectors.TunnelFrames.u32;
import static dev.dorsal.dissectors.TunnelFrames.values;
import static dev.dorsal.dissectors.TunnelFrames.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.engine.dissect.DissectedPacket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PPPoE discovery and session (RFC 2516) and the LCP packets sessions carry; expected values from tshark 4.0.17. */
class PppoeDissectorTest {
    private static byte[] tag(int type, byte[] value) {
        return concat(u16(type), u16(value.length), value);
    }

    private static DissectedPacket discovery(int code, byte[] tags) {
        return dissect(eth(0x8863, concat(bytes(0x11, code), u16(0), u16(tags.length), tags)));
    }

    private static DissectedPacket session(byte[] ppp) {
        return dissect(eth(0x8864, concat(bytes(0x11, 0), u16(0x11), u16(ppp.length), ppp)));
    }

    private static byte[] lcp(int code, int id, byte[] body) {
        return concat(u16(0xc021), bytes(code, id), u16(4 + body.length), body);
    }

    @Test
    void anOfferNamesItsAccessConcentratorInInfo() {
        DissectedPacket p = discovery(0x07, tag(0x0102, "BRAS-1".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(summary(p).contains("PPPoED 30 Active Discovery Offer (PADO) AC-Name='BRAS-1'"), summary(p));
    }

    @Test
    void anEmptyServiceNameIsLeftOut() {
        DissectedPacket p = discovery(0x09, concat(tag(0x0101, new byte[0]), tag(0x0103, bytes(1, 2))));
        assertEquals(0, items(p, "pppoed.tags.service_name").size());
        assertEquals(1, items(p, "pppoed.tags.host_uniq").size());
    }

    @Test
    void metricsRatesCarryTheirUnits() {
        DissectedPacket p = discovery(0x07, tag(0x0107, bytes(0, 3, 16, 32, 0, 5, 1, 0, 2, 0)));
        assertTrue(verbose(p).contains("        Curr. datarate: 256 mbps"), String.join("\n", verbose(p)));
        assertTrue(verbose(p).contains("        Max. datarate: 512 kbps"));
    }

    @Test
    void sessionPppHasNoAddressAndControlBytes() {
        DissectedPacket p = session(concat(bytes(0xff, 0x03), lcp(9, 1, u32(1))));
        assertEquals(List.of(0xffL), values(p, "ppp.protocol"), "0xff is a one-byte protocol number");
        assertEquals(0, items(p, "ppp.address").size());
    }

    @Test
    void echoRequestShowsTheMagicNumber() {
        DissectedPacket p = session(lcp(9, 7, u32(0x12345678L)));
        assertEquals(List.of(0x12345678L), values(p, "lcp.magic_number"));
        assertTrue(summary(p).contains("PPP LCP") && summary(p).contains("Echo Request"), summary(p));
    }

    @Test
    void aShortMruOptionIsWarnedAbout() {
        DissectedPacket p = session(lcp(1, 12, bytes(1, 3, 5)));
        assertTrue(verbose(p).contains("        Maximum Receive Unit (with option length = 3 bytes; should be 4)"),
                String.join("\n", verbose(p)));
    }

    @Test
    void aProtocolRejectOfAnUnknownProtocolShowsNoMore() {
        DissectedPacket p = session(lcp(8, 6, concat(u16(0x002b), bytes(1, 1, 0, 4))));
        assertEquals(List.of(0x002bL), values(p, "lcp.rej_proto"));
        assertEquals("eth:ethertype:pppoes:ppp:lcp", p.protocolsInFrame());
    }

    @Test
    void papRequestShowsPeerIdAndPasswordInInfo() {
        DissectedPacket p = session(concat(u16(0xc023), bytes(1, 1), u16(14), bytes(4, 'u', 's', 'e', 'r', 4, 'p', 'a',
                's', 's')));
        assertTrue(summary(p).contains("PPP PAP 36 Authenticate-Request (Peer-ID='user', Password='pass')"), summary(p));
    }

    @Test
    void chapChallengeShowsNameAndValueInInfo() {
        DissectedPacket p = session(concat(u16(0xc223), bytes(1, 1), u16(13), bytes(4, 1, 2, 3, 4, 'B', 'R', 'A', 'S')));
        assertTrue(summary(p).contains("PPP CHAP 35 Challenge (NAME='BRAS', VALUE=0x01020304)"), summary(p));
    }

    @Test
    void aBodilessPapNakIsMalformed() {
        DissectedPacket p = session(concat(u16(0xc023), bytes(3, 2), u16(4)));
        assertTrue(summary(p).endsWith("Authenticate-Nak[Malformed Packet]"), summary(p));
    }

    @Test
    void ipcpNamesTheDnsServerOption() {
        DissectedPacket p = session(concat(u16(0x8021), bytes(3, 1), u16(10), bytes(129, 6, 10, 0, 0, 53)));
        assertEquals(1, items(p, "ipcp.opt.pri_dns_address").size());
        assertTrue(verbose(p).contains("    Options: (6 bytes), Primary DNS Server IP Address"),
                String.join("\n", verbose(p)));
    }

    @Test
    void aProtocolRejectKeepsLcpColumnsWhileShowingTheRejectedPacket() {
        DissectedPacket p = session(lcp(8, 6, concat(u16(0x8057), bytes(1, 1, 0, 4))));
        assertEquals("eth:ethertype:pppoes:ppp:lcp:ipv6cp", p.protocolsInFrame());
        assertTrue(summary(p).contains("PPP LCP") && summary(p).endsWith("Protocol Reject"), summary(p));
    }

    @Test
    void ccpListsTheSetMppeBitsOnTheOptionLine() {
        DissectedPacket p = session(concat(u16(0x80fd), bytes(1, 2), u16(10), bytes(18, 6, 1, 0, 0, 0x40)));
        assertTrue(verbose(p).contains("            Supported Bits: 0x01000040, H, S"), String.join("\n", verbose(p)));
        assertTrue(summary(p).contains("PPP CCP") && summary(p).endsWith("Configuration Request"), summary(p));
    }
}
