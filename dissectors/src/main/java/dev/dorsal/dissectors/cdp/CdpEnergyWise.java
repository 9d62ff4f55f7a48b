package dev.dorsal.dissectors.cdp;

import static dev.dorsal.dissectors.cdp.CdpDissector.*;

import dev.dorsal.engine.spi.MalformedException;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.Locale;

/**
 * CDP's EnergyWise TLV (0x1d) as tshark 4.0.17 reads it: a fixed part (encrypted data, sequence
 * numbers, model, hardware version and serial number), then a table of TLVs with a 32-bit type and
 * a 32-bit length that counts its 8-byte header. Role, domain and name entries are decoded; what
 * does not form a whole entry is "Invalid bytes at end".
 */
final class CdpEnergyWise {
    private CdpEnergyWise() {}

    private static final int FIXED = 20 + 4 + 4 + 16 + 2 + 3 + 11 + 8 + 2 + 2;

    static void dissect(Tvb tvb, ProtoItem t, int off, int n) {
        t.add(ENCRYPTED_DATA, tvb, off, 20);
        t.add(SEEN_SEQUENCE, tvb, off + 20, 4);
        t.add(SEQUENCE_NUMBER, tvb, off + 24, 4);
        t.add(MODEL_NUMBER, tvb, off + 28, 16);
        t.add(UNKNOWN_PAD, tvb, off + 44, 2);
        t.add(HARDWARE_VERSION_ID, tvb, off + 46, 3);
        t.add(SYSTEM_SERIAL_NUMBER, tvb, off + 49, 11);
        t.add(NRGYZ_UNKNOWN_VALUES, tvb, off + 60, 8);
        t.add(LEN_TLV_TABLE, tvb, off + 68, 2);
        t.add(NUM_TLVS_TABLE, tvb, off + 70, 2);
        int p = off + FIXED;
        int left = n - FIXED;
        while (left >= 8) {
            long type = tvb.u32(p);
            long len = tvb.u32(p + 4);
            if (len < 8) {
                String text = "TLV with invalid length " + len + " (< 8)";
                t.addText(tvb, p, 8, text).expert(NRGYZ_TLV_LENGTH_INVALID, text);
                invalid(tvb, t, p + 8, left - 8);
                throw new MalformedException("EnergyWise TLV length " + len + " under 8");
            }
            if (len > left || (type != 7 && type != 8 && type != 9)) {
                break;
            }
            int v = (int) (p + 8);
            int vlen = (int) len - 8;
            String value = tvb.ascii(v, vlen);
            int nul = value.indexOf('\0');
            if (nul >= 0) {
                value = value.substring(0, nul);
            }
            ProtoItem e = t.addText(tvb, p, (int) len, "EnergyWise " + NRGYZ_TLV_TYPES.name(type) + ": " + value);
            e.add(NRGYZ_TLV_TYPE, tvb, p, 4);
            e.add(NRGYZ_TLV_LEN, tvb, p + 4, 4);
            e.add(type == 7 ? REPLY_TO_ROLE : type == 8 ? REPLY_TO_DOMAIN : REPLY_TO_NAME, tvb, v, vlen);
            p += (int) len;
            left -= (int) len;
        }
        if (left > 0) {
            invalid(tvb, t, p, left);
        }
    }

    private static void invalid(Tvb tvb, ProtoItem t, int p, int left) {
        ProtoItem item = t.addText(tvb, p, left, "Invalid bytes at end");
        item.expert(INVALID_DATA, "Invalid bytes at end");
    }

    static String hex8(long v) {
        return String.format(Locale.ROOT, "0x%08x", v);
    }
}
