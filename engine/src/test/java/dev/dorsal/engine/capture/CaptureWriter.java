package dev.dorsal.engine.capture;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes frames back out as pcap or pcapng in every layout the reader must accept, so tests can
 * convert one capture into many and check that all of them read back the same.
 */
final class CaptureWriter {

    /** Which packet block a pcapng file uses. */
    enum PacketBlock { EPB, SPB, PB }

    private CaptureWriter() {}

    /** Writes a pcap file; timestamps are truncated to the format's resolution. */
    static byte[] pcap(List<RawFrame> frames, int linkType, int snapLen, boolean nanos, boolean bigEndian) {
        ByteWriter w = new ByteWriter();
        w.bigEndian = bigEndian;
        w.u32(nanos ? 0xa1b23c4dL : 0xa1b2c3d4L).u16(2).u16(4).u32(0).u32(0).u32(snapLen).u32(linkType);
        for (RawFrame f : frames) {
            long ts = f.timestampNanos();
            long secs = Math.floorDiv(ts, 1_000_000_000L);
            long frac = Math.floorMod(ts, 1_000_000_000L);
            w.u32(secs).u32(nanos ? frac : frac / 1000).u32(f.data().length).u32(f.originalLength()).bytes(f.data());
        }
        return w.toByteArray();
    }

    /** The shape of a pcapng file to write. */
    static final class Pcapng {
        int sections = 1;
        boolean bigEndianFirst;
        boolean alternateByteOrder = true;
        PacketBlock packetBlock = PacketBlock.EPB;
        /** if_tsresol byte; 6 is the default and is then left out of the IDB. */
        int tsresol = 6;
        long tsOffsetSeconds;
        /** IDBs per link type in each section; packets go round-robin over them (EPB and PB only). */
        int interfacesPerLinkType = 1;
        /** Adds NRB, ISB, custom, unknown and DSB blocks around the packets. */
        boolean extraBlocks;
        int snapLen = 262_144;
        byte[] secrets = "CLIENT_RANDOM 00 11\n".getBytes(StandardCharsets.UTF_8);

        /** Writes {@code frames} in this shape. */
        byte[] write(List<RawFrame> frames) {
            ByteWriter w = new ByteWriter();
            int per = Math.max(1, (frames.size() + sections - 1) / sections);
            for (int s = 0; s < sections; s++) {
                w.bigEndian = bigEndianFirst ^ (alternateByteOrder && s % 2 == 1);
                List<RawFrame> part = frames.subList(Math.min(frames.size(), s * per),
                        Math.min(frames.size(), (s + 1) * per));
                section(w, s, part);
            }
            return w.toByteArray();
        }

        private void section(ByteWriter w, int s, List<RawFrame> part) {
            block(w, PcapngBlocks.SHB, b -> {
                b.u32(PcapngBlocks.BYTE_ORDER_MAGIC).u16(1).u16(0).u64(-1);
                option(b, 4, ("dorsal test section " + s).getBytes(StandardCharsets.UTF_8));
                b.u16(0).u16(0);
            });
            Map<Integer, List<Integer>> ids = new LinkedHashMap<>();
            int next = 0;
            for (RawFrame f : part) {
                if (!ids.containsKey(f.linkType())) {
                    List<Integer> list = new ArrayList<>();
                    int copies = packetBlock == PacketBlock.SPB ? 1 : interfacesPerLinkType;
                    for (int i = 0; i < copies; i++) {
                        int id = next++;
                        list.add(id);
                        idb(w, f.linkType(), "if" + s + "." + id);
                    }
                    ids.put(f.linkType(), list);
                }
            }
            if (extraBlocks) {
                extras(w, 0);
            }
            int n = 0;
            for (RawFrame f : part) {
                List<Integer> list = ids.get(f.linkType());
                packet(w, list.get(n++ % list.size()), f);
                if (extraBlocks && n == part.size() / 2) {
                    extras(w, list.getFirst());
                }
            }
        }

        private void idb(ByteWriter w, int linkType, String name) {
            block(w, PcapngBlocks.IDB, b -> {
                b.u16(linkType).u16(0).u32(snapLen);
                option(b, 2, name.getBytes(StandardCharsets.UTF_8));
                if (tsresol != 6) {
                    option(b, 9, new byte[] {(byte) tsresol});
                }
                if (tsOffsetSeconds != 0) {
                    ByteWriter v = new ByteWriter();
                    v.bigEndian = b.bigEndian;
                    option(b, 14, v.u64(tsOffsetSeconds).toByteArray());
                }
                b.u16(0).u16(0);
            });
        }

        private void packet(ByteWriter w, int id, RawFrame f) {
            byte[] d = f.data();
            switch (packetBlock) {
                case SPB -> block(w, PcapngBlocks.SPB, b -> b.u32(f.originalLength()).bytes(d).pad());
                case EPB, PB -> block(w, packetBlock == PacketBlock.EPB ? PcapngBlocks.EPB : PcapngBlocks.PB, b -> {
                    if (packetBlock == PacketBlock.EPB) {
                        b.u32(id);
                    } else {
                        b.u16(id).u16(0);
                    }
                    long units = units(f.timestampNanos());
                    b.u32(units >>> 32).u32(units).u32(d.length).u32(f.originalLength()).bytes(d).pad();
                    option(b, 2, new byte[4]);
                    b.u16(0).u16(0);
                });
            }
        }

        /** Converts nanoseconds to this file's units, rounding up so reading back truncates to the original. */
        long units(long nanos) {
            long rel = nanos - tsOffsetSeconds * 1_000_000_000L;
            BigInteger n = BigInteger.valueOf(rel);
            BigInteger perSecond = (tsresol & 0x80) != 0
                    ? BigInteger.ONE.shiftLeft(tsresol & 0x7F)
                    : BigInteger.TEN.pow(tsresol);
            BigInteger[] qr = n.multiply(perSecond).divideAndRemainder(BigInteger.TEN.pow(9));
            BigInteger u = qr[0];
            if ((tsresol & 0x80) != 0 && qr[1].signum() > 0) {
                u = u.add(BigInteger.ONE);
            }
            return u.longValue();
        }

        private void extras(ByteWriter w, int id) {
            block(w, PcapngBlocks.NRB, b -> {
                b.u16(1).u16(4 + 10).bytes(new byte[] {127, 0, 0, 1}).bytes("localhost\0".getBytes(StandardCharsets.US_ASCII)).pad();
                b.u16(0).u16(0);
            });
            block(w, PcapngBlocks.ISB, b -> b.u32(id).u32(0).u32(0).u16(0).u16(0));
            block(w, 0x00000BAD, b -> b.u32(32473).bytes("custom".getBytes(StandardCharsets.US_ASCII)).pad());
            block(w, 0x7FFF0042, b -> b.u32(0xDEADBEEFL).u32(1));
            block(w, PcapngBlocks.DSB, b -> b.u32(DecryptionSecrets.TLS_KEY_LOG).u32(secrets.length).bytes(secrets).pad());
        }

        private static void option(ByteWriter b, int code, byte[] value) {
            b.u16(code).u16(value.length).bytes(value).pad();
        }
    }

    /** Writes one block: type, total length, the body {@code body} writes, total length again. */
    static void block(ByteWriter w, int type, java.util.function.Consumer<ByteWriter> body) {
        ByteWriter b = new ByteWriter();
        b.bigEndian = w.bigEndian;
        body.accept(b);
        int len = 12 + b.size();
        w.u32(type).u32(len).bytes(b.toByteArray()).u32(len);
    }
}
