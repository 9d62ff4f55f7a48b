package dev.dorsal.engine.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dorsal.engine.spi.DataSource;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketTree;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Labels, -T fields values and JSON values of each field kind, checked against lines of the tshark
 * 4.0.17 oracle (dns_udp.pcap.verbose.txt / .json and ipv6_http.pcap.verbose.txt unless noted).
 */
class FieldFormatTest {
    /** Frame 2 of dns_udp.pcap: Ethernet, IPv4 (DF set), UDP, DNS response. */
    private static final byte[] FRAME = HexFormat.of().parseHex(
            "000000000000000000000000080045000058e04c40004011" + "5c467f0000017f000001");

    private final PacketTree tree = new PacketTree(true, null);
    private final Tvb tvb = Tvb.of(new DataSource("Frame", FRAME));
    private final ProtoItem root = tree.root();

    private ProtoItem add(FieldDef f, int off, int len) {
        return root.add(f, tvb, off, len);
    }

    @Test
    void maskedIntegerShowsBitPatternOfTheTypeWidth() {
        ProtoItem version = add(FieldDef.uint8("ip.version", "Version").mask(0xf0), 14, 1);
        assertEquals("0100 .... = Version: 4", FieldFormat.label(version));
        assertEquals("4", FieldFormat.fieldsText(version));
        ProtoItem frag = add(FieldDef.uint16("ip.frag_offset", "Fragment Offset").mask(0x1fff), 20, 2);
        assertEquals("...0 0000 0000 0000 = Fragment Offset: 0", FieldFormat.label(frag));
    }

    @Test
    void maskedHexPadsLabelToTheMaskAndValuesToTheType() {
        ProtoItem flags = add(FieldDef.uint8("ip.flags", "Flags").hex().mask(0xe0), 20, 1);
        flags.appendText(", Don't fragment");
        assertEquals("010. .... = Flags: 0x2, Don't fragment", FieldFormat.label(flags));
        assertEquals("0x02", FieldFormat.fieldsText(flags));
        assertEquals("0x02", FieldFormat.showText(flags));
        ProtoItem flow = root.addUint(FieldDef.uint24("ipv6.flow", "Flow Label").hex().mask(0xfffff),
                tvb, 0, 4, 0x03d0b);
        // ipv6_http.pcap: the label pads to the 20 mask bits, JSON to the 24-bit type.
        assertEquals(".... 0000 0011 1101 0000 1011 = Flow Label: 0x03d0b", FieldFormat.label(flow));
        assertEquals("0x003d0b", FieldFormat.showText(flow));
        ProtoItem reserved = root.addUint(FieldDef.uint16("dns.resp.z.reserved", "Reserved").hex().mask(0x7fff),
                tvb, 0, 2, 0);
        assertEquals(".000 0000 0000 0000 = Reserved: 0x0000", FieldFormat.label(reserved));
    }

    @Test
    void valueStringsShowNameThenNumberInTheFieldsBase() {
        ValueString ethertypes = ValueString.of(0x0800, "IPv4");
        ProtoItem type = add(FieldDef.uint16("eth.type", "Type").hex().vals(ethertypes), 12, 2);
        assertEquals("Type: IPv4 (0x0800)", FieldFormat.label(type));
        assertEquals("0x0800", FieldFormat.fieldsText(type));
        ProtoItem proto = add(FieldDef.uint8("ip.proto", "Protocol").vals(ValueString.of(17, "UDP")), 23, 1);
        assertEquals("Protocol: UDP (17)", FieldFormat.label(proto));
        assertEquals("17", FieldFormat.fieldsText(proto));
        ProtoItem unknown = root.addUint(FieldDef.uint8("ip.proto", "Protocol").vals(ValueString.of(17, "UDP")),
                tvb, 23, 1, 253);
        // ppp/PacketExamples: "Protocol: Unknown (253)".
        assertEquals("Protocol: Unknown (253)", FieldFormat.label(unknown));
        ProtoItem dscp = root.addUint(FieldDef.uint8("ip.dsfield.dscp", "Differentiated Services Codepoint")
                .mask(0xfc).vals(ValueString.of(0, "Default")), tvb, 15, 1, 0);
        assertEquals("0000 00.. = Differentiated Services Codepoint: Default (0)", FieldFormat.label(dscp));
        ProtoItem opcode = root.addUint(FieldDef.uint16("dns.flags.opcode", "Opcode").mask(0x7800)
                .vals(ValueString.of(0, "Standard query")), tvb, 0, 2, 0);
        assertEquals(".000 0... .... .... = Opcode: Standard query (0)", FieldFormat.label(opcode));
    }

    @Test
    void baseNoneValueStringShowsOnlyTheName() {
        FieldDef status = FieldDef.of("ip.checksum.status", "Header checksum status", dev.dorsal.engine.spi.FieldType.UINT8,
                dev.dorsal.engine.spi.Base.NONE).vals(ValueString.of(2, "Unverified"));
        ProtoItem item = root.addUint(status, tvb, 0, 0, 2).setGenerated();
        assertEquals("[Header checksum status: Unverified]", FieldFormat.label(item));
        assertEquals("2", FieldFormat.fieldsText(item));
    }

    @Test
    void hexDecAndDecHex() {
        ProtoItem id = add(FieldDef.uint16("ip.id", "Identification").hexDec(), 18, 2);
        assertEquals("Identification: 0xe04c (57420)", FieldFormat.label(id));
        assertEquals("0xe04c", FieldFormat.fieldsText(id));
        ProtoItem seq = root.addUint(FieldDef.uint16("ipv6.opt.dff.sequence_number", "Sequence Number").decHex(),
                tvb, 0, 2, 57736);
        assertEquals("Sequence Number: 57736 (0xe188)", FieldFormat.label(seq));
        assertEquals("57736", FieldFormat.fieldsText(seq));
    }

    @Test
    void booleansWithAndWithoutBitPattern() {
        ProtoItem df = add(FieldDef.bool("ip.flags.df", "Don't fragment", 8, 0x40), 20, 1);
        assertEquals(".1.. .... = Don't fragment: Set", FieldFormat.label(df));
        assertEquals("1", FieldFormat.fieldsText(df));
        ProtoItem mf = add(FieldDef.bool("ip.flags.mf", "More fragments", 8, 0x20), 20, 1);
        assertEquals("..0. .... = More fragments: Not set", FieldFormat.label(mf));
        assertEquals("0", FieldFormat.showText(mf));
        ProtoItem lg = add(FieldDef.bool("eth.lg", "LG bit", 24, 0x020000)
                .tfs(new TrueFalse("Locally administered address (this is NOT the factory default)",
                        "Globally unique address (factory default)")), 0, 3);
        assertEquals(".... ..0. .... .... .... .... = LG bit: Globally unique address (factory default)",
                FieldFormat.label(lg));
        ProtoItem marked = root.addBool(FieldDef.bool("frame.marked", "Frame is marked"), tvb, 0, 0, false)
                .setGenerated();
        assertEquals("[Frame is marked: False]", FieldFormat.label(marked));
    }

    @Test
    void addresses() {
        ProtoItem dst = add(FieldDef.ether("eth.dst", "Destination"), 0, 6);
        assertEquals("Destination: 00:00:00_00:00:00 (00:00:00:00:00:00)", FieldFormat.label(dst));
        assertEquals("00:00:00:00:00:00", FieldFormat.fieldsText(dst));
        ProtoItem bcast = root.addUint(FieldDef.ether("eth.dst", "Destination"), tvb, 0, 6, 0xffffffffffffL);
        assertEquals("Destination: Broadcast (ff:ff:ff:ff:ff:ff)", FieldFormat.label(bcast));
        ProtoItem src = add(FieldDef.ipv4("ip.src", "Source Address"), 26, 4);
        assertEquals("Source Address: 127.0.0.1", FieldFormat.label(src));
        assertEquals("127.0.0.1", FieldFormat.showText(src));
        byte[] loopback = new byte[16];
        loopback[15] = 1;
        ProtoItem v6 = root.addBytes(FieldDef.ipv6("ipv6.src", "Source Address"), tvb, 0, 16, loopback);
        assertEquals("Source Address: ::1", FieldFormat.label(v6));
        assertEquals("::1", FieldFormat.fieldsText(v6));
    }

    @Test
    void timesAsTsharkPrintsThem() {
        ProtoItem time = root.addTime(FieldDef.absoluteTime("frame.time", "Arrival Time"), tvb, 0, 0,
                1795757801_943131000L);
        assertEquals("Arrival Time: Nov 27, 2026 05:36:41.943131000 UTC", FieldFormat.label(time));
        assertEquals("Nov 27, 2026 05:36:41.943131000 UTC", FieldFormat.fieldsText(time));
        ProtoItem delta = root.addTime(FieldDef.relativeTime("frame.time_delta",
                "Time delta from previous captured frame"), tvb, 0, 0, 134_000L).setGenerated();
        assertEquals("[Time delta from previous captured frame: 0.000134000 seconds]", FieldFormat.label(delta));
        assertEquals("0.000134000", FieldFormat.showText(delta));
        ProtoItem epoch = root.addTime(FieldDef.relativeTime("frame.time_epoch", "Epoch Time"), tvb, 0, 0,
                1795757801_942997000L);
        assertEquals("Epoch Time: 1795757801.942997000 seconds", FieldFormat.label(epoch));
        // A single-digit day is padded with a space, as C's %2d does.
        assertEquals("Jan  1, 1970 00:00:00.000000000 UTC", TimeText.absolute(0));
    }

    @Test
    void bytesAndStrings() {
        ProtoItem data = root.addBytes(FieldDef.bytes("dns.opt.data", "Option Data"), tvb, 0, 8,
                HexFormat.of().parseHex("7f7556b3fee12588"));
        assertEquals("Option Data: 7f7556b3fee12588", FieldFormat.label(data));
        assertEquals("7f:75:56:b3:fe:e1:25:88", FieldFormat.showText(data));
        assertEquals("7f7556b3fee12588", FieldFormat.fieldsText(data));
        ProtoItem missing = root.addBytes(FieldDef.bytes("dns.opt.cookie.server", "Server Cookie"), tvb, 0, 0,
                new byte[0]);
        assertEquals("Server Cookie: <MISSING>", FieldFormat.label(missing));
        assertEquals("", FieldFormat.showText(missing));
        assertEquals("<MISSING>", FieldFormat.fieldsText(missing)); // observed with tshark 4.0.17 -T fields
        byte[] zeros = new byte[40];
        ProtoItem padding = root.addBytes(FieldDef.bytes("tls.handshake.extensions_padding_data", "Padding Data"),
                tvb, 0, 40, zeros);
        // samples.txt: long byte fields stop after 36 bytes with an ellipsis.
        assertEquals("Padding Data: " + "00".repeat(36) + "…", FieldFormat.label(padding));
        ProtoItem name = root.addString(FieldDef.string("dns.qry.name", "Name"), tvb, 0, 0, "www.corpus.test");
        assertEquals("Name: www.corpus.test", FieldFormat.label(name));
        ProtoItem line = root.addString(FieldDef.string("http.request.line", "Request line"), tvb, 0, 0,
                "Host: x\r\n\u0001");
        assertEquals("Request line: Host: x\\r\\n\\001", FieldFormat.label(line));
        assertEquals("Host: x\r\n\u0001", FieldFormat.showText(line));
    }

    @Test
    void protocolsNoneAndTextItems() {
        ProtocolDef udp = new ProtocolDef("User Datagram Protocol", "UDP", "udp");
        ProtoItem p = root.addProtocol(udp, tvb, 34, 8);
        assertEquals("User Datagram Protocol", FieldFormat.label(p));
        assertEquals("udp", FieldFormat.fieldsText(p));
        p.appendText(", Src Port: 53, Dst Port: 55022");
        assertEquals("User Datagram Protocol, Src Port: 53, Dst Port: 55022", FieldFormat.label(p));
        assertEquals("User Datagram Protocol, Src Port: 53, Dst Port: 55022", FieldFormat.fieldsText(p));
        ProtoItem flag = root.addUint(FieldDef.none("tcp.analysis.retransmission", "Retransmission"), tvb, 0, 0, 0);
        assertEquals("1", FieldFormat.fieldsText(flag));
        assertEquals("", FieldFormat.showText(flag));
        ProtoItem text = root.addText(tvb, 0, 0, "Timestamps").setGenerated();
        assertEquals("[Timestamps]", FieldFormat.label(text));
    }

    @Test
    void unitsCustomAndSigned() {
        ProtoItem len = root.addUint(FieldDef.uint32("ip.len", "Total Length").unit(" bytes"), tvb, 0, 0, 84);
        assertEquals("Total Length: 84 bytes", FieldFormat.label(len));
        assertEquals("84", FieldFormat.fieldsText(len));
        ProtoItem scale = root.addUint(FieldDef.int32("tcp.window_size_scalefactor", "Window size scaling factor"),
                tvb, 0, 0, -1).setGenerated();
        assertEquals("[Window size scaling factor: -1]", FieldFormat.label(scale));
        assertEquals("-1", FieldFormat.fieldsText(scale));
        ProtoItem custom = root.addUint(FieldDef.uint8("tcp.completeness", "Conversation completeness")
                .custom(v -> "Complete, WITH_DATA (" + v + ")"), tvb, 0, 0, 31);
        assertEquals("Conversation completeness: Complete, WITH_DATA (31)", FieldFormat.label(custom));
        assertEquals("31", FieldFormat.fieldsText(custom));
    }

    @Test
    void floatsLikeCPercentG() {
        assertEquals("0.5", Floats.g(0.5, 15));
        assertEquals("1e+20", Floats.g(1e20, 15));
        assertEquals("1.5e-05", Floats.g(0.000015, 15));
        assertEquals("3.14159", Floats.g(3.14159265, 6));
        assertEquals("100000", Floats.g(100000, 6));
        assertEquals("1e+06", Floats.g(1000000, 6));
    }

    @Test
    void longLabelsAreMarkedTruncatedAndCutLikeTshark() {
        // ppp/PcapExamples: "Cookie pair [truncated]: BizoData=…" is 238 bytes; text items get the marker first.
        String value = "x".repeat(300);
        ProtoItem pair = root.addString(FieldDef.string("http.cookie_pair", "Cookie pair"), tvb, 0, 0, value);
        String label = FieldFormat.label(pair);
        assertEquals("Cookie pair [truncated]: " + "x".repeat(238 - 25), label);
        ProtoItem text = root.addText(tvb, 0, 0, "Cookie: " + value);
        assertEquals(" [truncated]Cookie: " + "x".repeat(238 - 20), FieldFormat.label(text));
        ProtoItem appended = root.addString(FieldDef.string("x.y", "Name"), tvb, 0, 0, "v".repeat(230));
        appended.appendText(" (" + "z".repeat(20) + ")");
        assertEquals(239, FieldFormat.label(appended).length());
    }
}
