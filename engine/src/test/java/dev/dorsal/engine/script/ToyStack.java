package dev.dorsal.engine.script;

import dev.dorsal.engine.capture.RawFrame;
import dev.dorsal.engine.dissect.DissectedPacket;
import dev.dorsal.engine.dissect.Dissection;
import dev.dorsal.engine.dissect.DissectionOptions;
import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.Address;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.DissectorTable;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.HeuristicList;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * A two-layer toy stack for API tests, so they need no real dissector: "frame" reads a 4-byte toy
 * header (source port, destination port), sets ports and addresses, and hands the rest to the
 * {@code toy.port} table (lower port first), then the {@code toy} heuristics, then "data".
 */
final class ToyStack implements DissectorProvider {
    static final ProtocolDef FRAME = new ProtocolDef("Frame", "Frame", "frame");
    static final ProtocolDef TOY = new ProtocolDef("Toy Transport", "TOY", "toy");
    static final ProtocolDef DATA = new ProtocolDef("Data", "Data", "data");
    static final FieldDef SRC = FieldDef.uint16("toy.srcport", "Source Port");
    static final FieldDef DST = FieldDef.uint16("toy.dstport", "Destination Port");
    static final FieldDef DATA_BYTES = FieldDef.bytes("data.data", "Data");

    /** When true the toy transport lets its payload dissectors ask for more data (like TCP). */
    static volatile boolean canDesegment;
    /** The desegment request the last payload dissector left in pinfo (offset, length). */
    static volatile int lastDesegmentOffset;
    static volatile int lastDesegmentLength;

    private DissectorTable ports;
    private HeuristicList heuristics;

    @Override public String name() { return "toy"; }

    @Override
    public void register(Registrar r) {
        r.protocol(FRAME);
        r.protocol(TOY);
        r.protocol(DATA);
        r.fields(TOY, List.of(SRC, DST));
        r.fields(DATA, List.of(DATA_BYTES));
        ports = r.newTable("toy.port", "Toy port", FieldType.UINT16, Base.DEC);
        heuristics = r.newHeuristicList("toy");
        r.handle("toy", TOY, this::toy);
        r.handle("data", DATA, (tvb, pinfo, tree) -> {
            ProtoItem d = tree.addProtocol(DATA, tvb, 0, tvb.length());
            d.add(DATA_BYTES, tvb, 0, tvb.length());
            return tvb.length();
        });
        r.handle("frame", FRAME, (tvb, pinfo, tree) -> {
            tree.addProtocol(FRAME, tvb, 0, tvb.length());
            return pinfo.call(pinfo.tables().handle("toy"), tvb, tree);
        });
    }

    private int toy(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        int src = tvb.u16(0);
        int dst = tvb.u16(2);
        pinfo.columns().setProtocol("TOY");
        pinfo.columns().setInfo(src + " > " + dst);
        ProtoItem t = tree.addProtocol(TOY, tvb, 0, 4);
        t.add(SRC, tvb, 0, 2);
        t.add(DST, tvb, 2, 2);
        pinfo.setNetAddresses(Address.ipv4(0x0a000001L), Address.ipv4(0x0a000002L));
        pinfo.setPorts("toy", src, dst);
        pinfo.setCanDesegment(canDesegment);
        pinfo.setDesegment(0, 0);
        Tvb next = tvb.slice(4);
        int lo = Math.min(src, dst);
        int hi = Math.max(src, dst);
        if (ports.tryDissect(lo, next, pinfo, tree) > 0 || ports.tryDissect(hi, next, pinfo, tree) > 0) {
            lastDesegmentOffset = pinfo.desegmentOffset();
            lastDesegmentLength = pinfo.desegmentLength();
            return tvb.length();
        }
        if (heuristics.tryHeuristics(next, pinfo, tree)) {
            return tvb.length();
        }
        if (next.length() > 0) {
            pinfo.call(pinfo.tables().handle("data"), next, tree);
        }
        return tvb.length();
    }

    private static Registry registry;

    /** The one toy registry of the test JVM (fields bind to the first registry that registers them). */
    static synchronized Registry registry() {
        if (registry == null) {
            Registry r = new Registry();
            r.install(List.of(new ToyStack()));
            registry = r;
        }
        return registry;
    }

    /** A toy frame: ports then payload bytes. */
    static RawFrame frame(long number, int src, int dst, byte... payload) {
        byte[] b = new byte[4 + payload.length];
        b[0] = (byte) (src >> 8);
        b[1] = (byte) src;
        b[2] = (byte) (dst >> 8);
        b[3] = (byte) dst;
        System.arraycopy(payload, 0, b, 4, payload.length);
        return new RawFrame(number, 0, 1, 0, 1_700_000_000_000_000_000L + number * 1_000_000L, 6, b.length, b);
    }

    static DissectedPacket dissect(Dissection d, RawFrame f) {
        return d.dissect(f, DissectionOptions.FULL);
    }
}
