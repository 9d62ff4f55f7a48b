package dev.dorsal.dissectors.ntp;

import dev.dorsal.engine.output.TimeText;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * NTP's 64-bit timestamps (RFC 5905 section 6): seconds since 1900 and a binary fraction. A
 * timestamp whose top bit is clear is taken to be in era 1 (from February 2036), as tshark reads
 * it; an all-zero one, which NTP uses for "not set", is shown as {@code NULL}.
 */
final class NtpTime {
    /** Seconds from 1900-01-01 (NTP's epoch) to 1970-01-01. */
    static final long NTP_TO_UNIX_SECONDS = 2_208_988_800L;
    private static final long NANOS = 1_000_000_000L;

    private NtpTime() {}

    /** An absolute time field shown as tshark shows NTP times: zero is "NULL". */
    static FieldDef field(String abbrev, String name) {
        return FieldDef.absoluteTime(abbrev, name).custom(nanos -> nanos == 0 ? "NULL" : TimeText.absolute(nanos));
    }

    /** The timestamp at {@code off} as nanoseconds since 1970, 0 for a timestamp that is not set. */
    static long nanos(Tvb tvb, int off) {
        long seconds = tvb.u32(off);
        long fraction = tvb.u32(off + 4);
        // The fraction is cut, not rounded, to whole nanoseconds.
        long nanos = (fraction * NANOS) >>> 32;
        if (seconds == 0 && nanos == 0) {
            return 0;
        }
        long era = (seconds & 0x8000_0000L) != 0 ? 0 : 1L << 32;
        return (seconds + era - NTP_TO_UNIX_SECONDS) * NANOS + nanos;
    }

    static void add(ProtoItem parent, FieldDef f, Tvb tvb, int off) {
        parent.addTime(f, tvb, off, 8, nanos(tvb, off));
    }
}
