package dev.dorsal.dissectors.http2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The HPACK decoder of one direction of an HTTP/2 connection (RFC 7541): static and dynamic table,
 * dynamic table size updates, Huffman strings. Header block fragments are fed in order as they come
 * (HEADERS or PUSH_PROMISE, then CONTINUATION); a representation cut between two fragments is
 * completed by the next one, as a streaming decoder does.
 *
 * <p>Errors behave as tshark 4.0.17 shows them: the fields decoded before the error are kept, and the
 * decoder is dead from then on (every later block of that direction decodes to nothing), except for
 * an index beyond the dynamic table, which tshark shows as a field named {@code <unknown>} (with an
 * empty value when the index was the whole field) and goes on. It does so only while no entry was
 * ever evicted and only when the table could have held the missing entries, as if each were an
 * {@code <unknown>} field of 41 octets; otherwise the index is an error too.
 *
 * <p>Bounded: the dynamic table holds at most {@link #MAX_ALLOWED_SIZE} octets (the protocol's own
 * bound: a size update above it is an error), and a string longer than {@link #MAX_STRING} is an error.
 */
final class HpackDecoder {
    /** The largest dynamic table a peer may ask for: SETTINGS_HEADER_TABLE_SIZE's default (tshark keeps to it). */
    static final int MAX_ALLOWED_SIZE = 4096;
    /** Longest name or value accepted, as nghttp2's limit. */
    static final int MAX_STRING = 65536;
    /** Octets a field costs in the table beyond its name and value (RFC 7541 §4.1). */
    private static final int ENTRY_OVERHEAD = 32;
    private static final byte[] UNKNOWN = "<unknown>".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] EMPTY = new byte[0];

    /** How a field was represented (RFC 7541 §6). */
    enum Kind {
        INDEXED("Indexed Header Field"),
        INCREMENTAL("Literal Header Field with Incremental Indexing"),
        WITHOUT_INDEXING("Literal Header Field without Indexing"),
        NEVER_INDEXED("Literal Header Field never Indexed"),
        SIZE_UPDATE("Dynamic Table Size Update");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    /**
     * One decoded representation: a header field (name and value), or a table size update
     * ({@code tableSize}). {@code index} is the index the field refers to, 0 for a new name;
     * {@code start} and {@code end} where its octets are in the fragment that completed it (a
     * representation begun in an earlier fragment starts at 0).
     */
    record Field(Kind kind, int index, byte[] name, byte[] value, long tableSize, int start, int end) {
        /** tshark's Representation text, e.g. "Literal Header Field without Indexing - Indexed Name". */
        String representation() {
            if (kind == Kind.INDEXED || kind == Kind.SIZE_UPDATE) {
                return kind.text;
            }
            return kind.text + (index > 0 ? " - Indexed Name" : " - New Name");
        }
    }

    /** Dynamic table, newest entry first: {name, value}. */
    private final ArrayDeque<byte[][]> table = new ArrayDeque<>();
    private long size;
    private long maxSize = MAX_ALLOWED_SIZE;
    private boolean everEvicted;
    private boolean failed;
    /** A header field was decoded in the current block: size updates are no longer allowed in it. */
    private boolean fieldInBlock;
    /** Bytes of a representation the previous fragment cut. */
    private byte[] pending = EMPTY;
    /** Where the current fragment starts in the buffer being decoded (after what was pending). */
    private int base;

    /**
     * Sets the table's maximum size as a peer's SETTINGS_HEADER_TABLE_SIZE would, evicting what no longer
     * fits (RFC 7541 §4.2); for the RFC's examples, whose encoder starts at 256 octets.
     */
    void setMaxSize(long octets) {
        maxSize = octets;
        evict(0);
    }

    /** True once an error stopped this decoder. */
    boolean failed() {
        return failed;
    }

    /** Entries in the dynamic table. */
    int entries() {
        return table.size();
    }

    /** Octets the dynamic table holds (RFC 7541 §4.1). */
    long size() {
        return size;
    }

    /**
     * Decodes the fragment {@code data[off, off+len)}; {@code endOfBlock} when it ends the header block
     * (END_HEADERS). Returns what it decoded, in order; nothing once the decoder failed.
     */
    List<Field> decode(byte[] data, int off, int len, boolean endOfBlock) {
        List<Field> out = new ArrayList<>();
        if (failed) {
            return out;
        }
        byte[] buf;
        int pos;
        int end;
        if (pending.length == 0) {
            buf = data;
            pos = off;
            end = off + len;
            base = off;
        } else {
            buf = Arrays.copyOf(pending, pending.length + len);
            System.arraycopy(data, off, buf, pending.length, len);
            pos = 0;
            end = buf.length;
            base = pending.length;
        }
        pending = EMPTY;
        while (pos < end) {
            int next = representation(buf, pos, end, out);
            if (next < 0) {
                failed = true;
                return out;
            }
            if (next == pos) {
                break; // cut: wait for the next fragment
            }
            pos = next;
        }
        if (endOfBlock) {
            fieldInBlock = false;
            if (pos < end) {
                failed = true; // the block ended inside a representation
            }
        } else if (pos < end) {
            pending = Arrays.copyOfRange(buf, pos, end);
        }
        return out;
    }

    /** Decodes the representation at {@code pos}; returns where it ends, {@code pos} when cut, -1 on error. */
    private int representation(byte[] b, int pos, int end, List<Field> out) {
        int first = b[pos] & 0xff;
        if ((first & 0x80) != 0) {
            long[] r = integer(b, pos, end, 7);
            if (r == null) {
                return pos;
            }
            if (r[0] < 0) {
                return -1;
            }
            byte[][] entry = lookup(r[0], true);
            if (entry == null) {
                return -1;
            }
            fieldInBlock = true;
            out.add(new Field(Kind.INDEXED, (int) r[0], entry[0], entry[1], 0, at(pos), at((int) r[1])));
            return (int) r[1];
        }
        if ((first & 0xe0) == 0x20) {
            long[] r = integer(b, pos, end, 5);
            if (r == null) {
                return pos;
            }
            if (r[0] < 0 || fieldInBlock || r[0] > MAX_ALLOWED_SIZE) {
                return -1;
            }
            maxSize = r[0];
            evict(0);
            out.add(new Field(Kind.SIZE_UPDATE, 0, EMPTY, EMPTY, r[0], at(pos), at((int) r[1])));
            return (int) r[1];
        }
        Kind kind;
        int prefix;
        if ((first & 0xc0) == 0x40) {
            kind = Kind.INCREMENTAL;
            prefix = 6;
        } else if ((first & 0xf0) == 0x10) {
            kind = Kind.NEVER_INDEXED;
            prefix = 4;
        } else {
            kind = Kind.WITHOUT_INDEXING;
            prefix = 4;
        }
        long[] r = integer(b, pos, end, prefix);
        if (r == null) {
            return pos;
        }
        if (r[0] < 0) {
            return -1;
        }
        int index = (int) Math.min(r[0], Integer.MAX_VALUE);
        int p = (int) r[1];
        byte[] name;
        if (r[0] == 0) {
            Object s = string(b, p, end);
            if (s == null) {
                return pos;
            }
            if (s instanceof Integer) {
                return -1;
            }
            name = ((Str) s).bytes;
            p = ((Str) s).end;
        } else {
            byte[][] entry = lookup(r[0], false);
            if (entry == null) {
                return -1;
            }
            name = entry[0];
        }
        Object s = string(b, p, end);
        if (s == null) {
            return pos;
        }
        if (s instanceof Integer) {
            return -1;
        }
        byte[] value = ((Str) s).bytes;
        fieldInBlock = true;
        if (kind == Kind.INCREMENTAL) {
            insert(name, value);
        }
        out.add(new Field(kind, index, name, value, 0, at(pos), at(((Str) s).end)));
        return ((Str) s).end;
    }

    /** Offset {@code p} of the buffer as an offset in the current fragment (0 for what came before it). */
    private int at(int p) {
        return Math.max(0, p - base);
    }

    /**
     * The entry {@code index} refers to; for an index beyond the table, tshark's {@code <unknown>} stand-in
     * (name, and an empty value) when it shows one, else null (an error).
     */
    private byte[][] lookup(long index, boolean whole) {
        if (index == 0) {
            return null;
        }
        if (index <= HpackStaticTable.SIZE) {
            int i = (int) index;
            return new byte[][] {HpackStaticTable.name(i), HpackStaticTable.value(i)};
        }
        long dynamic = index - HpackStaticTable.SIZE;
        if (dynamic <= table.size()) {
            Iterator<byte[][]> it = table.iterator();
            byte[][] e = null;
            for (long i = 0; i < dynamic; i++) {
                e = it.next();
            }
            return e;
        }
        long missing = dynamic - table.size();
        if (everEvicted || size + missing * (UNKNOWN.length + ENTRY_OVERHEAD) > maxSize) {
            return null;
        }
        return new byte[][] {UNKNOWN, EMPTY};
    }

    private void insert(byte[] name, byte[] value) {
        long entry = (long) name.length + value.length + ENTRY_OVERHEAD;
        evict(entry);
        if (entry <= maxSize) {
            table.addFirst(new byte[][] {name, value});
            size += entry;
        }
    }

    /** Evicts the oldest entries until {@code room} more octets fit (everything when they never can). */
    private void evict(long room) {
        while (!table.isEmpty() && size + room > maxSize) {
            byte[][] old = table.removeLast();
            size -= (long) old[0].length + old[1].length + ENTRY_OVERHEAD;
            everEvicted = true;
        }
    }

    /** A decoded string and the offset after it. */
    private record Str(byte[] bytes, int end) {}

    /** The string at {@code pos}: a {@link Str}, null when cut, an Integer when it is invalid. */
    private static Object string(byte[] b, int pos, int end) {
        if (pos >= end) {
            return null;
        }
        boolean huffman = (b[pos] & 0x80) != 0;
        long[] r = integer(b, pos, end, 7);
        if (r == null) {
            return null;
        }
        if (r[0] < 0 || r[0] > MAX_STRING) {
            return -1;
        }
        int start = (int) r[1];
        int n = (int) r[0];
        if (end - start < n) {
            return null;
        }
        byte[] bytes = huffman ? HpackHuffman.decode(b, start, n) : Arrays.copyOfRange(b, start, start + n);
        if (bytes == null) {
            return -1;
        }
        return new Str(bytes, start + n);
    }

    /**
     * The integer with an {@code prefix}-bit prefix at {@code pos} (RFC 7541 §5.1): {value, end}; null
     * when cut; value -1 when it does not fit in 32 bits.
     */
    static long[] integer(byte[] b, int pos, int end, int prefix) {
        int max = (1 << prefix) - 1;
        long v = b[pos] & max;
        int p = pos + 1;
        if (v < max) {
            return new long[] {v, p};
        }
        int shift = 0;
        while (true) {
            if (p >= end) {
                return null;
            }
            int c = b[p++] & 0xff;
            v += (long) (c & 0x7f) << shift;
            if (v > 0xffffffffL || shift > 28) {
                return new long[] {-1, p};
            }
            if ((c & 0x80) == 0) {
                return new long[] {v, p};
            }
            shift += 7;
        }
    }
}
