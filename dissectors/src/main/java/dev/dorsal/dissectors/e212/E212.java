package dev.dorsal.dissectors.e212;

import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.ExpertDef.Group;
import dev.dorsal.engine.spi.ExpertDef.Severity;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Registrar;
import dev.dorsal.engine.spi.Tables;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ITU-T E.212 numbers as tshark shows them inside other protocols (GTP, and later NAS or Diameter):
 * the mobile country and network codes (MCC, MNC) of a PLMN identity, with the country and network
 * names of tshark 4.0.17's tables ({@code mcc.tsv}, {@code mnc.tsv}, written by
 * make_mnc_table.py), and IMSIs in BCD. It dissects no packet of its own; filter prefix {@code e212}.
 *
 * <pre>
 * PLMN identity (3 octets, BCD):  | MCC2 MCC1 | MNC3 MCC3 | MNC2 MNC1 |   (MNC3 = 0xf: 2-digit MNC)
 * </pre>
 */
public final class E212 implements DissectorProvider {
    static final ProtocolDef PROTO = new ProtocolDef("ITU-T E.212 number", "E.212", "e212");

    /** Where a PLMN identity sits: each kind has MCC and MNC fields of its own, as in tshark. */
    public enum Kind {
        PLAIN(""), LAI("lai."), RAI("rai."), SAI("sai."), CGI("cgi."), ECGI("ecgi."), TAI("tai."), NRCGI("nrcgi."),
        FIVEGS_TAI("5gstai."), GUMMEI("gummei."), GUAMI("guami.");

        final FieldDef mcc;
        final FieldDef mnc;

        Kind(String infix) {
            mcc = FieldDef.uint16("e212." + infix + "mcc", "Mobile Country Code (MCC)").vals(MCC_NAMES);
            mnc = FieldDef.uint16("e212." + infix + "mnc", "Mobile Network Code (MNC)");
        }
    }

    static final ValueString MCC_NAMES = loadMcc();
    /** Network names by MCC * 100 + MNC (2-digit MNCs) and MCC * 1000 + MNC (3-digit ones). */
    private static final Map<Integer, String> MNC2 = new HashMap<>();
    private static final Map<Integer, String> MNC3 = new HashMap<>();

    static {
        loadMnc();
    }

    public static final FieldDef IMSI = FieldDef.string("e212.imsi", "IMSI");
    public static final FieldDef ASSOC_IMSI = FieldDef.string("e212.assoc.imsi", "Association IMSI");
    static final ExpertDef IMSI_MALFORMED = new ExpertDef("e212.imsi.malformed", "Malformed IMSI", Group.MALFORMED,
            Severity.WARN);
    /** An IMSI has at most 15 digits (E.212 2.2). */
    private static final int IMSI_DIGITS_MAX = 15;

    static List<FieldDef> fields() {
        List<FieldDef> all = new ArrayList<>(List.of(IMSI, ASSOC_IMSI));
        for (Kind k : Kind.values()) {
            all.add(k.mcc);
            all.add(k.mnc);
        }
        return all;
    }

    @Override
    public String name() {
        return "e212";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PROTO);
        r.fields(PROTO, fields());
        r.experts(PROTO, List.of(IMSI_MALFORMED));
    }

    @Override
    public void handoff(Tables t) {}

    /** A decoded PLMN identity: its codes and whether the MNC has 3 digits. */
    public record Plmn(int mcc, int mnc, boolean longMnc) {
        /** The country name, or "Unknown". */
        public String country() {
            return MCC_NAMES.nameOr(mcc, "Unknown");
        }

        /** The network name, or "Unknown". */
        public String network() {
            String n = longMnc ? MNC3.get(mcc * 1000 + mnc) : MNC2.get(mcc * 100 + mnc);
            return n != null ? n : "Unknown";
        }

        /** The MNC as tshark prints it: 2 or 3 digits. */
        public String mncDigits() {
            return String.format(Locale.ROOT, longMnc ? "%03d" : "%02d", mnc);
        }
    }

    /** Reads the 3-octet PLMN identity at {@code off}. */
    public static Plmn plmn(Tvb tvb, int off) {
        int b0 = tvb.u8(off);
        int b1 = tvb.u8(off + 1);
        int b2 = tvb.u8(off + 2);
        int mcc = (b0 & 0x0f) * 100 + (b0 >> 4) * 10 + (b1 & 0x0f);
        int mnc3 = b1 >> 4;
        int mnc = (b2 & 0x0f) * 10 + (b2 >> 4);
        boolean longMnc = mnc3 != 0x0f;
        if (longMnc) {
            mnc = mnc * 10 + mnc3;
        }
        return new Plmn(mcc, mnc, longMnc);
    }

    /** Adds the MCC and MNC of the PLMN identity at {@code off} (3 octets) as fields of {@code kind}. */
    public static Plmn addPlmn(ProtoItem tree, Tvb tvb, int off, Kind kind) {
        tvb.bytes(off, 3);
        Plmn p = plmn(tvb, off);
        tree.addUint(kind.mcc, tvb, off, 2, p.mcc);
        addMnc(tree, tvb, off + 1, kind, p);
        return p;
    }

    private static void addMnc(ProtoItem tree, Tvb tvb, int off, Kind kind, Plmn p) {
        ProtoItem mnc = tree.addUint(kind.mnc, tvb, off, 2, p.mnc);
        if (mnc != tree && tree.tree().detailed()) {
            mnc.setText("Mobile Network Code (MNC): " + p.network() + " (" + p.mncDigits() + ")");
        }
    }

    /** The digits of a BCD-coded number (low nibble first), up to an 0xf filler. */
    public static String bcd(Tvb tvb, int off, int len) {
        StringBuilder s = new StringBuilder(len * 2);
        for (int i = 0; i < len; i++) {
            int b = tvb.u8(off + i);
            if ((b & 0x0f) == 0x0f) {
                break;
            }
            s.append(digit(b & 0x0f));
            if ((b >> 4) == 0x0f) {
                break;
            }
            s.append(digit(b >> 4));
        }
        return s.toString();
    }

    private static char digit(int nibble) {
        return Character.forDigit(nibble, 16);
    }

    /**
     * Adds the BCD IMSI of {@code len} octets at {@code off}, then its generated association item with
     * the MCC and the MNC (2 digits when tshark knows that network, else 3), as tshark's GTP shows it.
     */
    public static String addImsi(ProtoItem tree, Tvb tvb, int off, int len, FieldDef field) {
        String imsi = bcd(tvb, off, len);
        ProtoItem item = tree.addString(field, tvb, off, len, imsi);
        if (imsi.length() > IMSI_DIGITS_MAX) {
            (item == tree ? tree : item).expert(IMSI_MALFORMED);
        }
        ProtoItem assoc = tree.addString(ASSOC_IMSI, tvb, off, len, imsi);
        if (assoc != tree) {
            assoc.setGenerated();
        }
        if (imsi.length() >= 5) {
            int mcc = Integer.parseInt(imsi.substring(0, 3));
            int mnc2 = Integer.parseInt(imsi.substring(3, 5));
            boolean longMnc = !MNC2.containsKey(mcc * 100 + mnc2) && imsi.length() >= 6;
            int mnc = longMnc ? Integer.parseInt(imsi.substring(3, 6)) : mnc2;
            ProtoItem parent = assoc != tree ? assoc : tree;
            Plmn p = new Plmn(mcc, mnc, longMnc);
            parent.addUint(Kind.PLAIN.mcc, tvb, off, 2, mcc);
            addMnc(parent, tvb, off + 1, Kind.PLAIN, p);
        }
        return imsi;
    }

    private static ValueString loadMcc() {
        ValueString.Builder b = ValueString.builder();
        for (String[] row : rows("mcc.tsv")) {
            b.add(Integer.parseInt(row[0]), row[1]);
        }
        return b.build();
    }

    private static void loadMnc() {
        for (String[] row : rows("mnc.tsv")) {
            int mcc = Integer.parseInt(row[0]);
            int mnc = Integer.parseInt(row[1]);
            if (row[1].length() == 3) {
                MNC3.put(mcc * 1000 + mnc, row[2]);
            } else {
                MNC2.put(mcc * 100 + mnc, row[2]);
            }
        }
    }

    static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = E212.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", 3));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
