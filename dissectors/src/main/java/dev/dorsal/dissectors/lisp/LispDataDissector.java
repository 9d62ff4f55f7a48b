package dev.dorsal.dissectors.lisp;

import dev.dorsal.engine.spi.Columns;
import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Reads the LISP data-plane header on UDP port 4341 (RFC 6830 section 5.3) and hands the
 * encapsulated IPv4 or IPv6 packet to {@code ip}/{@code ipv6}; anything else after the header is not
 * shown, and a payload shorter than the header is refused (it becomes data), as in tshark. Filter prefix {@code lisp-data.}.
 *
 * <pre>
 * | N L E V I flags, reserved:3 (1) | nonce or map-versions (3) | instance ID (3) + LSBs (1), or LSBs (4) |
 * </pre>
 */
public final class LispDataDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Locator/ID Separation Protocol (Data)", "LISP Data",
            "lisp-data");
    static final int PORT = 4341;

    static final FieldDef FLAGS = FieldDef.uint8("lisp-data.flags", "Flags").hex().blurb("LISP Data Header Flags");
    static final FieldDef F_NONCE = FieldDef.bool("lisp-data.flags.nonce", "N bit (Nonce present)", 8, 0x80);
    static final FieldDef F_LSB = FieldDef.bool("lisp-data.flags.lsb", "L bit (Locator-Status-Bits field enabled)",
            8, 0x40);
    static final FieldDef F_ENR = FieldDef.bool("lisp-data.flags.enr", "E bit (Echo-Nonce-Request)", 8, 0x20);
    static final FieldDef F_MV = FieldDef.bool("lisp-data.flags.mv", "V bit (Map-Version present)", 8, 0x10);
    static final FieldDef F_IID = FieldDef.bool("lisp-data.flags.iid", "I bit (Instance ID present)", 8, 0x8);
    static final FieldDef F_RES = FieldDef.uint8("lisp-data.flags.res", "Reserved").hex().mask(0x7)
            .blurb("Must be zero");
    static final FieldDef NONCE = FieldDef.uint24("lisp-data.nonce", "Nonce").decHex();
    static final FieldDef MAPVER = FieldDef.uint24("lisp-data.mapver", "Map-Version").hex();
    static final FieldDef SRC_MAPVER = FieldDef.uint24("lisp-data.srcmapver", "Source Map-Version").mask(0xfff000);
    static final FieldDef DST_MAPVER = FieldDef.uint24("lisp-data.dstmapver", "Destination Map-Version")
            .mask(0xfff);
    static final FieldDef IID = FieldDef.uint24("lisp-data.iid", "Instance ID");
    static final FieldDef LSB = FieldDef.uint32("lisp-data.lsb", "Locator-Status-Bits").hex().mask(0xffffffffL);
    static final FieldDef LSB8 = FieldDef.uint8("lisp-data.lsb8", "Locator-Status-Bits").hex().mask(0xff);

    static final List<FieldDef> FIELDS = List.of(FLAGS, F_NONCE, F_LSB, F_ENR, F_MV, F_IID, F_RES, NONCE, MAPVER,
            SRC_MAPVER, DST_MAPVER, IID, LSB, LSB8);

    private static final int HEADER = 8;

    @Override
    public String name() {
        return "lisp-data";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        r.handle("lisp-data", PROTO, LispDataDissector::dissect);
    }

    @Override
    public void handoff(Tables t) {
        t.table("udp.port").add(PORT, t.handle("lisp-data"));
    }

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (tvb.reportedLength() < HEADER) {
            return 0;
        }
        Columns cols = pinfo.columns();
        cols.setProtocol("LISP");
        cols.setInfo("LISP Encapsulation Header");
        ProtoItem lisp = tree.addProtocol(PROTO, tvb, 0, HEADER);
        int flags = tvb.u8(0);
        ProtoItem f = lisp.add(FLAGS, tvb, 0, 1);
        for (FieldDef b : List.of(F_NONCE, F_LSB, F_ENR, F_MV, F_IID, F_RES)) {
            f.add(b, tvb, 0, 1);
        }
        if ((flags & 0x80) != 0) {
            lisp.add(NONCE, tvb, 1, 3);
        } else if ((flags & 0x10) != 0) {
            ProtoItem mv = lisp.add(MAPVER, tvb, 1, 3);
            mv.add(SRC_MAPVER, tvb, 1, 3);
            mv.add(DST_MAPVER, tvb, 1, 3);
        }
        if ((flags & 0x08) != 0) {
            lisp.add(IID, tvb, 4, 3);
            if ((flags & 0x40) != 0) {
                lisp.add(LSB8, tvb, 7, 1);
            }
        } else if ((flags & 0x40) != 0) {
            lisp.add(LSB, tvb, 4, 4);
        }
        Tvb inner = tvb.slice(HEADER);
        int version = inner.u8(0) >> 4;
        String name = version == 6 ? "ipv6" : version == 4 ? "ip" : null;
        DissectorHandle next = name == null ? null : pinfo.tables().handle(name);
        if (next != null) {
            pinfo.call(next, inner, tree);
        }
        return tvb.length();
    }
}
