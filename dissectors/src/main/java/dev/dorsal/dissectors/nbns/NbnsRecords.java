package dev.dorsal.dissectors.nbns;

import static dev.dorsal.dissectors.nbns.NbnsDissector.*;

import dev.dorsal.dissectors.icmp.TimeText;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * The resource records of one NBNS message (RFC 1002 §4.2.1.3): name, type, class, TTL and data,
 * the data read by type: NB entries (name flags and address), a WACK's copy of the request flags,
 * the NBSTAT node status (name table and statistics) or bytes. Entries cut short by the data length
 * end in tshark's "incomplete entry".
 */
final class NbnsRecords {
    /** Bytes of the node status statistics after the name table. */
    static final int STATISTICS_LEN = 42;
    private final Tvb tvb;
    private final PacketInfo pinfo;
    private final int opcode;

    NbnsRecords(Tvb tvb, PacketInfo pinfo, int opcode) {
        this.tvb = tvb;
        this.pinfo = pinfo;
        this.opcode = opcode;
    }

    /**
     * A text node of {@code len} bytes; whenever a tree is built the bytes must exist, as tshark's
     * text items require (without a tree nothing is checked).
     */
    static ProtoItem subtree(ProtoItem parent, Tvb tvb, int off, int len, String text) {
        if (!parent.tree().treeless() && len > 0 && !tvb.has(off, len)) {
            tvb.bytes(off, len);
        }
        ProtoItem item = parent.addText(tvb, off, len, text);
        return item;
    }

    /** One section of {@code count} records; {@code answers}: whether they go to the Info column. */
    int section(int start, int count, String title, ProtoItem nbns, boolean answers) {
        ProtoItem section = subtree(nbns, tvb, start, tvb.length() - start, title);
        int off = start;
        for (int i = 0; i < count; i++) {
            off = record(off, section, answers);
        }
        if (section != nbns) {
            section.setLength(off - start);
        }
        return off;
    }

    private int record(int off, ProtoItem section, boolean answer) {
        NetbiosNames.Name name = NetbiosNames.read(tvb, off, 0);
        int used = name.used();
        int type = tvb.u16(off + used);
        int cls = tvb.u16(off + used + 2);
        long ttl = tvb.u32(off + used + 4);
        int dataLen = tvb.u16(off + used + 8);
        String typeName = TYPES.nameOr(type, "Unknown");
        int data = off + used + 10;
        // tshark reads this address only when it builds columns, which it does for summaries, fields and
        // filters but not for -V or JSON: there a record cut short is no error. A detailed tree stands
        // for those here.
        boolean detailed = section.tree().detailed();
        if (answer && pinfo.columns().enabled()) {
            if (type == T_NB) {
                if (opcode != OPCODE_WACK && (!detailed || tvb.has(data + 2, 4))) {
                    long a = tvb.u32(data + 2);
                    pinfo.columns().appendInfo(" NB " + (a >>> 24) + "." + ((a >>> 16) & 0xff) + "."
                            + ((a >>> 8) & 0xff) + "." + (a & 0xff));
                }
            } else {
                pinfo.columns().appendInfo(" " + typeName);
            }
        }
        ProtoItem rr = subtree(section, tvb, off, used + 10 + dataLen,
                name.text() + ": type " + typeName + ", class " + CLASSES.nameOr(cls, "Unknown"));
        String value = type == T_NB && name.valid()
                ? name.text() + " (" + NetbiosNames.typeName(name.type()) + ")" : name.text();
        rr.addString(NAME, tvb, off + 1, used - 1, value);
        rr.add(TYPE, tvb, off + used, 2);
        rr.add(CLASS, tvb, off + used + 2, 2);
        ProtoItem t = rr.add(TTL, tvb, off + used + 4, 4);
        if (t != rr && rr.tree().detailed()) {
            t.setText("Time to live: " + TimeText.seconds(ttl));
        }
        rr.add(DATA_LENGTH, tvb, off + used + 8, 2);
        // tshark goes on after the bytes it read, not after the data length: a record whose entries
        // run short leaves the rest to be read as the next record
        if (rr.tree().treeless()) {
            // without a tree tshark adds nothing, so reads nothing but a node status's name count
            return data + (type == T_NB ? (opcode == OPCODE_WACK ? wackRead(dataLen) : nbRead(dataLen))
                    : type == T_NBSTAT ? nbstatRead(data, dataLen) : dataLen);
        }
        int read = switch (type) {
            case T_NB -> opcode == OPCODE_WACK ? wack(data, dataLen, rr) : nb(data, dataLen, rr);
            case T_NBSTAT -> nbstat(data, dataLen, rr);
            default -> {
                if (dataLen > 0) {
                    rr.add(DATA, tvb, data, dataLen);
                }
                yield dataLen;
            }
        };
        return data + read;
    }

    /** The bytes the NB entries take of {@code left}, as {@link #nb} counts them. */
    static int nbRead(int left) {
        int read = 0;
        while (left >= 2) {
            read += 2;
            left -= 2;
            if (left < 4) {
                return read;
            }
            read += 4;
            left -= 4;
        }
        return read;
    }

    /** The bytes a WACK's flags take of {@code left}, as {@link #wack} counts them. */
    static int wackRead(int left) {
        return left < 0 ? 0 : left & ~1;
    }

    /** The bytes a node status takes, as {@link #nbstat} counts them. */
    private int nbstatRead(int off, int left) {
        if (left < 1) {
            return 0;
        }
        int names = tvb.u8(off);
        int read = 1;
        left--;
        for (int i = 0; i < names; i++) {
            if (left < NetbiosNames.NAME_LEN) {
                break;
            }
            read += NetbiosNames.NAME_LEN;
            left -= NetbiosNames.NAME_LEN;
            if (left < 2) {
                break;
            }
            read += 2;
            left -= 2;
        }
        tvb.bytes(off + read, 6); // tshark reads the unit ID even without a tree
        return read + STATISTICS_LEN;
    }

    /** NB entries; returns the bytes read. */
    private int nb(int start, int left, ProtoItem rr) {
        int off = start;
        while (left > 0) {
            if (left < 2) {
                incomplete(rr, off, left);
                return off - start;
            }
            int flags = tvb.u16(off);
            ProtoItem f = Bitmask.add(rr, NB_FLAGS, NB_FLAG_FIELDS, tvb, off, flags);
            if (f != rr && rr.tree().detailed()) {
                f.appendText(" " + nbFlagsNote(flags));
            }
            off += 2;
            left -= 2;
            if (left < 4) {
                incomplete(rr, off, left);
                return off - start;
            }
            rr.add(ADDR, tvb, off, 4);
            off += 4;
            left -= 4;
        }
        return off - start;
    }

    /** A WACK's flags; returns the bytes read. */
    private int wack(int start, int left, ProtoItem rr) {
        int off = start;
        while (left > 0) {
            if (left < 2) {
                incomplete(rr, off, left);
                return off - start;
            }
            int flags = tvb.u16(off);
            // a WACK's copy of the request flags never shows a reply code
            Bitmask.add(rr, FLAGS, (flags & 0x8000) != 0 ? WACK_RESPONSE_FLAGS : QUERY_FLAGS, tvb, off, flags);
            off += 2;
            left -= 2;
        }
        return off - start;
    }

    /** The node status: name table and statistics; returns the bytes read. */
    private int nbstat(int start, int left, ProtoItem rr) {
        int off = start;
        if (left < 1) {
            incomplete(rr, off, left);
            return 0;
        }
        int names = tvb.u8(off);
        rr.add(NUMBER_OF_NAMES, tvb, off, 1);
        off++;
        left--;
        for (int i = 0; i < names; i++) {
            if (left < NetbiosNames.NAME_LEN) {
                incomplete(rr, off, left);
                break;
            }
            byte[] raw = tvb.bytes(off, NetbiosNames.NAME_LEN);
            ProtoItem n = rr.addString(NETBIOS_NAME, tvb, off, NetbiosNames.NAME_LEN, NetbiosNames.plain(raw));
            if (n != rr && rr.tree().detailed()) {
                n.setText("Name: " + NetbiosNames.text(raw) + " ("
                        + NetbiosNames.typeName(raw[NetbiosNames.NAME_LEN - 1] & 0xff) + ")");
            }
            off += NetbiosNames.NAME_LEN;
            left -= NetbiosNames.NAME_LEN;
            if (left < 2) {
                incomplete(rr, off, left);
                break;
            }
            Bitmask.add(rr, NAME_FLAGS, NAME_FLAG_FIELDS, tvb, off, tvb.u16(off));
            off += 2;
            left -= 2;
        }
        rr.add(UNIT_ID, tvb, off, 6);
        off += 6;
        rr.add(JUMPERS, tvb, off++, 1);
        rr.add(TEST_RESULT, tvb, off++, 1);
        off = u16(rr, VERSION_NUMBER, off);
        off = u16(rr, PERIOD, off);
        off = u16(rr, NUM_CRCS, off);
        off = u16(rr, NUM_ALIGNMENT_ERRORS, off);
        off = u16(rr, NUM_COLLISIONS, off);
        off = u16(rr, NUM_SEND_ABORTS, off);
        rr.add(NUM_GOOD_SENDS, tvb, off, 4);
        off += 4;
        rr.add(NUM_GOOD_RECEIVES, tvb, off, 4);
        off += 4;
        off = u16(rr, NUM_RETRANSMITS, off);
        off = u16(rr, NUM_NO_RESOURCE, off);
        off = u16(rr, NUM_COMMAND_BLOCKS, off);
        off = u16(rr, NUM_PENDING_SESSIONS, off);
        off = u16(rr, MAX_PENDING_SESSIONS, off);
        off = u16(rr, MAX_TOTAL_SESSIONS, off);
        off = u16(rr, SESSION_DATA_PACKET_SIZE, off);
        return off - start;
    }

    private int u16(ProtoItem rr, dev.dorsal.engine.spi.FieldDef f, int off) {
        rr.add(f, tvb, off, 2);
        return off + 2;
    }

    /** tshark's "incomplete entry" text over the bytes left, with its Error/Malformed expert. */
    private void incomplete(ProtoItem rr, int off, int left) {
        ProtoItem item = rr.addText(tvb, off, Math.max(0, left), "incomplete entry");
        item.expert(INCOMPLETE_ENTRY, "incomplete entry");
    }
}
