package dev.dorsal.dissectors.frame;

import dev.dorsal.engine.spi.DissectorHandle;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.FrameMeta;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * Describes the whole captured frame (arrival time, lengths, interface) and hands its bytes to the
 * dissector for the frame's encapsulation. This is the "frame" handle the driver starts every packet
 * in; it owns the {@code wtap_encap} table, keyed by Wireshark encapsulation numbers
 * ({@link WtapEncap}), not by LINKTYPE_ codes. Filter prefix {@code frame.}.
 *
 * <pre>
 * Frame 1: 42 bytes on wire (336 bits), 42 bytes captured (336 bits)
 *     Encapsulation type: Ethernet (1)
 *     Arrival Time: …                      frame.time
 *     …
 *     [Protocols in frame: eth:ethertype:arp]   built after the layers below returned
 * </pre>
 */
public final class FrameDissector implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("Frame", "Frame", "frame");

    static final FieldDef SECTION_NUMBER = FieldDef.uint32("frame.section_number", "Section number");
    static final FieldDef INTERFACE_ID = FieldDef.uint32("frame.interface_id", "Interface id");
    static final FieldDef INTERFACE_NAME = FieldDef.string("frame.interface_name", "Interface name");
    static final FieldDef ENCAP_TYPE = FieldDef.of("frame.encap_type", "Encapsulation type", FieldType.INT16,
            Base.DEC).vals(WtapEncap.NAMES);
    static final FieldDef TIME = FieldDef.absoluteTime("frame.time", "Arrival Time");
    static final FieldDef OFFSET_SHIFT = FieldDef.relativeTime("frame.offset_shift", "Time shift for this packet");
    static final FieldDef TIME_EPOCH = FieldDef.relativeTime("frame.time_epoch", "Epoch Time");
    static final FieldDef TIME_DELTA = FieldDef.relativeTime("frame.time_delta",
            "Time delta from previous captured frame");
    static final FieldDef TIME_DELTA_DISPLAYED = FieldDef.relativeTime("frame.time_delta_displayed",
            "Time delta from previous displayed frame");
    static final FieldDef TIME_RELATIVE = FieldDef.relativeTime("frame.time_relative",
            "Time since reference or first frame");
    static final FieldDef NUMBER = FieldDef.uint32("frame.number", "Frame Number");
    static final FieldDef LEN = FieldDef.uint32("frame.len", "Frame length on the wire");
    static final FieldDef CAP_LEN = FieldDef.uint32("frame.cap_len", "Frame length stored into the capture file");
    static final FieldDef MARKED = FieldDef.bool("frame.marked", "Frame is marked");
    static final FieldDef IGNORED = FieldDef.bool("frame.ignored", "Frame is ignored");
    static final FieldDef PROTOCOLS = FieldDef.string("frame.protocols", "Protocols in frame");

    static final List<FieldDef> FIELDS = List.of(SECTION_NUMBER, INTERFACE_ID, INTERFACE_NAME, ENCAP_TYPE, TIME,
            OFFSET_SHIFT, TIME_EPOCH, TIME_DELTA, TIME_DELTA_DISPLAYED, TIME_RELATIVE, NUMBER, LEN, CAP_LEN, MARKED,
            IGNORED, PROTOCOLS);

    /** Name of the table keyed by WTAP_ENCAP numbers. */
    public static final String ENCAP_TABLE = "wtap_encap";

    private DissectorTable encapTable;
    private DissectorHandle dataHandle;

    @Override
    public String name() {
        return "frame";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, FIELDS);
        encapTable = r.newTable(ENCAP_TABLE, "Wiretap encapsulation type", FieldType.UINT32, Base.DEC);
        r.handle("frame", PROTO, this::dissect);
    }

    @Override
    public void handoff(Tables t) {
        dataHandle = t.handle("data");
    }

    private int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem root) {
        FrameMeta f = pinfo.frame();
        boolean detailed = root.tree().detailed();
        int encap = WtapEncap.fromLinkType(f.linkType());
        boolean pcapng = f.sectionNumber() > 0;
        String ifName = f.interfaceName() != null ? f.interfaceName() : "unknown";

        ProtoItem ti = root.addProtocol(PROTO, tvb, 0, tvb.length());
        if (detailed) {
            ti.setText(frameLabel(f, pcapng, ifName));
        }
        if (pcapng) {
            ti.addUint(SECTION_NUMBER, tvb, 0, 0, f.sectionNumber());
            ProtoItem id = ti.addUint(INTERFACE_ID, tvb, 0, 0, f.interfaceId());
            if (detailed) {
                id.setText("Interface id: " + f.interfaceId() + " (" + ifName + ")");
            }
            id.addString(INTERFACE_NAME, tvb, 0, 0, ifName);
        }
        ti.addUint(ENCAP_TYPE, tvb, 0, 0, encap);
        long ts = f.timestampNanos();
        ti.addTime(TIME, tvb, 0, 0, ts);
        generated(ti, ti.addTime(OFFSET_SHIFT, tvb, 0, 0, 0));
        ti.addTime(TIME_EPOCH, tvb, 0, 0, ts);
        generated(ti, ti.addTime(TIME_DELTA, tvb, 0, 0, f.deltaNanos()));
        generated(ti, ti.addTime(TIME_DELTA_DISPLAYED, tvb, 0, 0, f.deltaDisplayedNanos()));
        generated(ti, ti.addTime(TIME_RELATIVE, tvb, 0, 0, f.relativeNanos()));
        ti.addUint(NUMBER, tvb, 0, 0, f.number());
        ProtoItem len = ti.addUint(LEN, tvb, 0, 0, f.originalLength());
        ProtoItem cap = ti.addUint(CAP_LEN, tvb, 0, 0, f.capturedLength());
        if (detailed) {
            len.setText("Frame Length: " + bytesAndBits(f.originalLength()));
            cap.setText("Capture Length: " + bytesAndBits(f.capturedLength()));
        }
        generated(ti, ti.addBool(MARKED, tvb, 0, 0, false));
        generated(ti, ti.addBool(IGNORED, tvb, 0, 0, false));

        int used = Dispatch.tryDissect(encapTable, encap, tvb, pinfo, root);
        if (used == Dispatch.DECLINED && dataHandle != null) {
            pinfo.columns().setProtocol("UNKNOWN");
            if (pinfo.columns().enabled()) {
                pinfo.columns().setInfo("WTAP_ENCAP = " + encap);
            }
            pinfo.call(dataHandle, tvb, root);
        }
        // Wireshark fills frame.protocols after the whole packet is dissected, so it is the last child.
        if (root.tree().wants(PROTOCOLS)) {
            generated(ti, ti.addString(PROTOCOLS, tvb, 0, 0, protocols(pinfo.layerNames())));
        }
        return tvb.length();
    }

    /** Marks a just-added child generated; a child nobody wanted is the parent itself and stays as is. */
    private static void generated(ProtoItem parent, ProtoItem child) {
        if (child != parent) {
            child.setGenerated();
        }
    }

    private static String frameLabel(FrameMeta f, boolean pcapng, String ifName) {
        StringBuilder sb = new StringBuilder(96);
        sb.append("Frame ").append(f.number()).append(": ")
                .append(f.originalLength()).append(bytes(f.originalLength())).append(" on wire (")
                .append(f.originalLength() * 8L).append(" bits), ")
                .append(f.capturedLength()).append(bytes(f.capturedLength())).append(" captured (")
                .append(f.capturedLength() * 8L).append(" bits)");
        if (pcapng) {
            sb.append(" on interface ").append(ifName).append(", id ").append(f.interfaceId());
        }
        return sb.toString();
    }

    private static String bytesAndBits(int n) {
        return n + bytes(n) + " (" + (n * 8L) + " bits)";
    }

    /** " byte" or " bytes", as tshark's plurality(). */
    private static String bytes(int n) {
        return n == 1 ? " byte" : " bytes";
    }

    /**
     * The layers below "frame" joined by ':'. The engine's markers for malformed or cut packets are
     * left out: tshark adds those items without calling a dissector, so they never become layers.
     */
    static String protocols(List<String> layers) {
        StringBuilder sb = new StringBuilder(48);
        for (int i = 0; i < layers.size(); i++) {
            String l = layers.get(i);
            if ((i == 0 && l.equals("frame")) || l.startsWith("_ws.")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(l);
        }
        return sb.toString();
    }
}
