package dev.dorsal.dissectors.icmp;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.Locale;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit words.
 * Used to verify ICMP, ICMPv6 and IGMP messages, which tshark checks by default.
 */
public final class Checksums {
    private Checksums() {}

    /** Adds {@code len} bytes at {@code off} to a running 32-bit sum (an odd tail is padded with zero). */
    public static long add(long sum, Tvb tvb, int off, int len) {
        byte[] d = tvb.backingArray();
        int i = tvb.start() + off;
        int end = i + len - 1;
        for (; i < end; i += 2) {
            sum += ((d[i] & 0xff) << 8) | (d[i + 1] & 0xff);
        }
        if ((len & 1) != 0) {
            sum += (d[i] & 0xff) << 8;
        }
        return sum;
    }

    /** Folds a running sum to 16 bits and complements it. */
    public static int finish(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /**
     * The value the checksum field at {@code checksumOffset} should hold for the {@code len} bytes at
     * {@code off} (the field itself counted as zero), starting from {@code initial} (a pseudo-header sum).
     */
    public static int shouldBe(long initial, Tvb tvb, int off, int len, int checksumOffset) {
        long sum = add(initial, tvb, off, len);
        sum -= tvb.u16(checksumOffset);
        // Subtracting can go negative in the running sum; fold with the complement arithmetic instead.
        while (sum < 0) {
            sum += 0xffff;
        }
        return finish(sum);
    }

    /**
     * Labels a verified checksum item as tshark does, {@code Checksum: 0x1234 [correct]} or
     * {@code … incorrect, should be 0x5678} with the {@code bad} expert, and returns the checksum
     * status value (1 good, 0 bad). {@code detailed}: whether labels are built at all.
     */
    public static int verdict(ProtoItem ck, int sent, int shouldBe, ExpertDef bad, boolean detailed) {
        if (shouldBe == sent) {
            if (detailed) {
                ck.setText(String.format(Locale.ROOT, "Checksum: 0x%04x [correct]", sent));
            }
            return 1;
        }
        if (detailed) {
            ck.setText(String.format(Locale.ROOT, "Checksum: 0x%04x incorrect, should be 0x%04x", sent, shouldBe));
        }
        ck.expert(bad, String.format(Locale.ROOT, "Bad checksum [should be 0x%04x]", shouldBe));
        return 0;
    }

    public static int shouldBe(Tvb tvb, int off, int len, int checksumOffset) {
        return shouldBe(0, tvb, off, len, checksumOffset);
    }
}
