package dev.dorsal.dissectors.image;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a JPEG image (an HTTP body of type {@code image/jpeg}, ITU T.81 with the JFIF and Exif
 * application segments) marker by marker: SOI/EOI/RSTn, segments with their length (JFIF APP0, Exif
 * APP1 through {@link JfifExif}, FlashPix APP2, start of frame, start of scan, comment; the rest as
 * "remaining segment data"), entropy-coded data and fill bytes. Appends {@code (JPEG JFIF image)}
 * to Info. Filter prefix {@code image-jfif}. Each segment is read within its own length, so one that
 * claims more than it holds is malformed. As tshark, a plain summary (no tree) only walks the markers.
 */
final class JfifDissector {
    static final ProtocolDef PROTO = new ProtocolDef("JPEG File Interchange Format", "JFIF (JPEG) image",
            "image-jfif");

    static final int SOI = 0xffd8;
    static final int EOI = 0xffd9;
    static final int SOS = 0xffda;
    static final int APP0 = 0xffe0;
    static final int APP1 = 0xffe1;
    static final int APP2 = 0xffe2;
    static final int COM = 0xfffe;

    static final ValueString MARKERS = markers();
    private static final ValueString UNITS = ValueString.of(0,
            "No units; Xdensity and Ydensity specify the pixel aspect ratio", 1, "Dots per inch",
            2, "Dots per centimeter");

    static final FieldDef MARKER = FieldDef.uint16("image-jfif.marker", "Marker").hex().vals(MARKERS);
    static final FieldDef MARKER_SEGMENT = FieldDef.none("image-jfif.marker_segment", "Marker segment");
    static final FieldDef LENGTH = FieldDef.uint16("image-jfif.length", "Length");
    static final FieldDef IDENTIFIER = FieldDef.stringz("image-jfif.identifier", "Identifier");
    static final FieldDef VERSION = FieldDef.none("image-jfif.version", "Version");
    static final FieldDef VERSION_MAJOR = FieldDef.uint8("image-jfif.version.major", "Major Version");
    static final FieldDef VERSION_MINOR = FieldDef.uint8("image-jfif.version.minor", "Minor Version");
    static final FieldDef UNITS_FIELD = FieldDef.uint8("image-jfif.units", "Units").vals(UNITS);
    static final FieldDef X_DENSITY = FieldDef.uint16("image-jfif.Xdensity", "Xdensity");
    static final FieldDef Y_DENSITY = FieldDef.uint16("image-jfif.Ydensity", "Ydensity");
    static final FieldDef X_THUMBNAIL = FieldDef.uint16("image-jfif.Xthumbnail", "Xthumbnail");
    static final FieldDef Y_THUMBNAIL = FieldDef.uint16("image-jfif.Ythumbnail", "Ythumbnail");
    static final FieldDef RGB = FieldDef.bytes("image-jfif.RGB", "RGB values of thumbnail pixels");
    static final FieldDef EXTENSION_CODE = FieldDef.uint8("image-jfif.extension.code", "Extension code").hex();
    static final FieldDef SOF = FieldDef.none("image-jfif.sof", "Start of Frame header");
    static final FieldDef SOF_PRECISION = FieldDef.uint8("image-jfif.sof.precision", "Sample Precision (bits)");
    static final FieldDef SOF_LINES = FieldDef.uint16("image-jfif.sof.lines", "Lines");
    static final FieldDef SOF_SAMPLES = FieldDef.uint16("image-jfif.sof.samples_per_line", "Samples per line");
    static final FieldDef SOF_NF = FieldDef.uint8("image-jfif.sof.nf", "Number of image components in frame");
    static final FieldDef SOF_C = FieldDef.uint8("image-jfif.sof.c_i", "Component identifier");
    static final FieldDef SOF_H = FieldDef.uint8("image-jfif.sof.h_i", "Horizontal sampling factor").mask(0xf0);
    static final FieldDef SOF_V = FieldDef.uint8("image-jfif.sof.v_i", "Vertical sampling factor").mask(0x0f);
    static final FieldDef SOF_TQ = FieldDef.uint8("image-jfif.sof.tq_i", "Quantization table destination selector");
    static final FieldDef SOS_HEADER = FieldDef.none("image-jfif.header.sos", "Start of Segment header");
    static final FieldDef SOS_NS = FieldDef.uint8("image-jfif.sos.ns", "Number of image components in scan");
    static final FieldDef SOS_SELECTOR = FieldDef.uint8("image-jfif.sos.component_selector",
            "Scan component selector");
    static final FieldDef SOS_DC = FieldDef.uint8("image-jfif.sos.dc_entropy_selector",
            "DC entropy coding table destination selector").mask(0xf0);
    static final FieldDef SOS_AC = FieldDef.uint8("image-jfif.sos.ac_entropy_selector",
            "AC entropy coding table destination selector").mask(0x0f);
    static final FieldDef SOS_SS = FieldDef.uint8("image-jfif.sos.ss", "Start of spectral or predictor selection");
    static final FieldDef SOS_SE = FieldDef.uint8("image-jfif.sos.se", "End of spectral selection");
    static final FieldDef SOS_AH = FieldDef.uint8("image-jfif.sos.ah", "Successive approximation bit position high")
            .mask(0xf0);
    static final FieldDef SOS_AL = FieldDef.uint8("image-jfif.sos.al",
            "Successive approximation bit position low or point transform").mask(0x0f);
    static final FieldDef COMMENT_HEADER = FieldDef.none("image-jfif.header.comment", "Comment header");
    static final FieldDef COMMENT = FieldDef.string("image-jfif.comment", "Comment");
    static final FieldDef REMAINING = FieldDef.bytes("image-jfif.remain_seg_data", "Remaining segment data");
    static final FieldDef FLASHPIX = FieldDef.none("image-jfif.exif_flashpix_marker",
            "Exif FlashPix APP2 application marker");
    static final FieldDef ENTROPY = FieldDef.bytes("image-jfif.entropy_coded_segment",
            "Entropy-coded segment (dissection is not yet implemented)");
    static final FieldDef FILL = FieldDef.bytes("image-jfif.fill_bytes", "Fill bytes");

    static final List<FieldDef> FIELDS;
    static {
        List<FieldDef> all = new ArrayList<>(List.of(MARKER, MARKER_SEGMENT, LENGTH, IDENTIFIER, VERSION,
                VERSION_MAJOR, VERSION_MINOR, UNITS_FIELD, X_DENSITY, Y_DENSITY, X_THUMBNAIL, Y_THUMBNAIL, RGB,
                EXTENSION_CODE, SOF, SOF_PRECISION, SOF_LINES, SOF_SAMPLES, SOF_NF, SOF_C, SOF_H, SOF_V, SOF_TQ,
                SOS_HEADER, SOS_NS, SOS_SELECTOR, SOS_DC, SOS_AC, SOS_SS, SOS_SE, SOS_AH, SOS_AL, COMMENT_HEADER,
                COMMENT, REMAINING, FLASHPIX, ENTROPY, FILL));
        all.addAll(JfifExif.FIELDS);
        FIELDS = List.copyOf(all);
    }

    static final ExpertDef APP0_NOT_JFIF = new ExpertDef("image-jfif.app0-identifier-not-jfif",
            "Initial App0 segment with \"JFIF\" Identifier not found", ExpertDef.Group.PROTOCOL,
            ExpertDef.Severity.WARN);

    /** tshark takes nothing shorter as a JPEG. */
    private static final int MIN_LENGTH = 20;

    private JfifDissector() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (!looksLikeJfif(tvb)) {
            return 0;
        }
        if (pinfo.columns().enabled()) {
            pinfo.columns().appendInfo(" (JPEG JFIF image)");
        }
        ProtoItem jfif = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        jfif.add(MARKER, tvb, 0, 2);
        int off = 2;
        int end = tvb.reportedLength();
        boolean first = true;
        while (off < end) {
            if (tvb.u8(off) != 0xff) {
                off = entropyCoded(tvb, off, jfif);
                continue;
            }
            int fill = off;
            while (fill + 1 < end && tvb.u8(fill + 1) == 0xff) {
                fill++;
            }
            if (fill > off) {
                jfif.add(FILL, tvb, off, fill - off);
                off = fill;
            }
            if (off + 1 >= end) {
                off = entropyCoded(tvb, off, jfif);
                continue;
            }
            int marker = tvb.u16(off);
            if (standalone(marker)) {
                jfif.add(MARKER, tvb, off, 2);
                off += 2;
                continue;
            }
            int len = tvb.u16(off + 2);
            if (!jfif.tree().treeless()) {
                // a segment longer than the body is shown with what there is, then the body is malformed
                int available = Math.min(len + 2, end - off);
                Tvb seg = tvb.slice(off, Math.min(available, tvb.length() - off)).withReportedLength(available);
                segment(seg, marker, jfif, first, len + 2);
            }
            first = false;
            off += len + 2;
            if (off > end) {
                tvb.u8(end);
            }
        }
        return end;
    }

    /** SOI, then a JFIF APP0 or an Exif APP1 (tshark's test), in a body of at least 20 bytes. */
    private static boolean looksLikeJfif(Tvb tvb) {
        if (tvb.reportedLength() < MIN_LENGTH || !tvb.has(0, 11) || tvb.u16(0) != SOI) {
            return false;
        }
        int marker = tvb.u16(2);
        String id = tvb.ascii(6, 5);
        return (marker == APP0 && id.equals("JFIF\0")) || (marker == APP1 && id.equals("Exif\0"));
    }

    private static boolean standalone(int marker) {
        return marker == SOI || marker == EOI || (marker >= 0xffd0 && marker <= 0xffd7) || marker == 0xff01;
    }

    /** Bytes up to the next marker (0xff followed by anything but 0x00), or the end. */
    private static int entropyCoded(Tvb tvb, int off, ProtoItem jfif) {
        int end = tvb.reportedLength();
        int i = off;
        while (i < end) {
            if (tvb.u8(i) == 0xff && i + 1 < end && tvb.u8(i + 1) != 0x00) {
                break;
            }
            i++;
        }
        if (i == off) {
            i = end;
        }
        jfif.add(ENTROPY, tvb, off, i - off);
        return i;
    }

    private static void segment(Tvb seg, int marker, ProtoItem jfif, boolean first, int declared) {
        String hex = String.format(Locale.ROOT, "0x%04X", marker);
        String name = MARKERS.name(marker);
        String label = (name != null ? name : "Unknown") + " (" + hex + ")";
        boolean sof = marker >= 0xffc0 && marker <= 0xffcf && marker != 0xffc4 && marker != 0xffcc;
        FieldDef header = sof ? SOF : marker == SOS ? SOS_HEADER : marker == COM ? COMMENT_HEADER : MARKER_SEGMENT;
        ProtoItem s = jfif.add(header, seg, 0, seg.reportedLength());
        if (jfif.tree().detailed()) {
            s.setText(header.name() + ": " + label);
        }
        s.add(MARKER, seg, 0, 2);
        s.add(LENGTH, seg, 2, 2);
        if (sof) {
            startOfFrame(seg, s);
        } else if (marker == SOS) {
            startOfScan(seg, s);
        } else if (marker == COM) {
            int n = seg.reportedLength() - 4;
            ImageText.ascii(s, COMMENT, seg, 4, n);
        } else if (marker == APP0) {
            app0(seg, s, declared);
        } else if (marker == APP1) {
            app1(seg, s, first, declared);
        } else if (marker == APP2) {
            app2(seg, s, declared);
        } else {
            remaining(seg, 4, s, declared);
        }
    }

    private static void startOfFrame(Tvb seg, ProtoItem s) {
        s.add(SOF_PRECISION, seg, 4, 1);
        s.add(SOF_LINES, seg, 5, 2);
        s.add(SOF_SAMPLES, seg, 7, 2);
        s.add(SOF_NF, seg, 9, 1);
        int n = seg.u8(9);
        int off = 10;
        for (int i = 0; i < n; i++, off += 3) {
            s.add(SOF_C, seg, off, 1);
            s.add(SOF_H, seg, off + 1, 1);
            s.add(SOF_V, seg, off + 1, 1);
            s.add(SOF_TQ, seg, off + 2, 1);
        }
    }

    private static void startOfScan(Tvb seg, ProtoItem s) {
        s.add(SOS_NS, seg, 4, 1);
        int n = seg.u8(4);
        int off = 5;
        for (int i = 0; i < n; i++, off += 2) {
            s.add(SOS_SELECTOR, seg, off, 1);
            s.add(SOS_DC, seg, off + 1, 1);
            s.add(SOS_AC, seg, off + 1, 1);
        }
        s.add(SOS_SS, seg, off, 1);
        s.add(SOS_SE, seg, off + 1, 1);
        s.add(SOS_AH, seg, off + 2, 1);
        s.add(SOS_AL, seg, off + 2, 1);
    }

    private static void app0(Tvb seg, ProtoItem s, int declared) {
        int idLen = identifierLength(seg);
        String id = seg.ascii(4, idLen - 1);
        ProtoItem ident = s.addString(IDENTIFIER, seg, 4, idLen, id);
        int off = 4 + idLen;
        if (id.equals("JFIF")) {
            int major = seg.u8(off);
            int minor = seg.u8(off + 1);
            ProtoItem v = s.add(VERSION, seg, off, 2);
            if (s.tree().detailed()) {
                v.setText("Version: " + major + "." + minor);
            }
            v.add(VERSION_MAJOR, seg, off, 1);
            v.add(VERSION_MINOR, seg, off + 1, 1);
            s.add(UNITS_FIELD, seg, off + 2, 1);
            s.add(X_DENSITY, seg, off + 3, 2);
            s.add(Y_DENSITY, seg, off + 5, 2);
            s.add(X_THUMBNAIL, seg, off + 7, 1);
            s.add(Y_THUMBNAIL, seg, off + 8, 1);
            int pixels = seg.u8(off + 7) * seg.u8(off + 8);
            if (pixels > 0) {
                s.add(RGB, seg, off + 9, 3 * pixels);
            }
        } else if (id.equals("JFXX")) {
            s.add(EXTENSION_CODE, seg, off, 1);
        } else {
            if (s.tree().detailed()) {
                ident.appendText(" (unknown identifier)");
            }
            remaining(seg, off, s, declared);
        }
    }

    private static void app1(Tvb seg, ProtoItem s, boolean first, int declared) {
        int idLen = identifierLength(seg);
        String id = seg.ascii(4, idLen - 1);
        ProtoItem ident = s.addString(IDENTIFIER, seg, 4, idLen, id);
        if (id.equals("Exif")) {
            if (first) {
                ident.expert(APP0_NOT_JFIF);
            }
            // "Exif\0" is followed by one pad byte before the TIFF header
            JfifExif.dissect(seg, 4 + idLen + 1, s);
        } else {
            if (s.tree().detailed()) {
                ident.appendText(" (Unknown identifier)");
            }
            remaining(seg, 4 + idLen, s, declared);
        }
    }

    private static void app2(Tvb seg, ProtoItem s, int declared) {
        int idLen = identifierLength(seg);
        String id = seg.ascii(4, idLen - 1);
        ProtoItem ident = s.addString(IDENTIFIER, seg, 4, idLen, id);
        if (id.equals("FPXR")) {
            s.parent().add(FLASHPIX, seg, 0, seg.reportedLength());
        } else {
            if (s.tree().detailed()) {
                ident.appendText(" (Unknown identifier)");
            }
            remaining(seg, 4 + idLen, s, declared);
        }
    }

    /** Length of the NUL-terminated identifier at offset 4, NUL included (the whole rest without one). */
    private static int identifierLength(Tvb seg) {
        int end = seg.reportedLength();
        for (int i = 4; i < end; i++) {
            if (seg.u8(i) == 0) {
                return i - 4 + 1;
            }
        }
        return end - 4;
    }

    /** The rest of a segment: the label counts what its length declares, the node what is there. */
    private static void remaining(Tvb seg, int off, ProtoItem s, int declared) {
        int n = declared - off;
        if (n > 0) {
            ProtoItem r = s.add(REMAINING, seg, off, Math.max(0, seg.reportedLength() - off));
            if (s.tree().detailed()) {
                r.setText("Remaining segment data: " + n + " bytes");
            }
        }
    }

    /** Marker names (T.81 Table B.1 and the application/extension ranges), as tshark words them. */
    private static ValueString markers() {
        ValueString.Builder b = ValueString.builder();
        String[] sof = {"Start of Frame (non-differential, Huffman coding) - Baseline DCT",
            "Start of Frame (non-differential, Huffman coding) - Extended sequential DCT",
            "Start of Frame (non-differential, Huffman coding) - Progressive DCT",
            "Start of Frame (non-differential, Huffman coding) - Lossless (sequential)",
            "Define Huffman table(s)",
            "Start of Frame (differential, Huffman coding) - Differential sequential DCT",
            "Start of Frame (differential, Huffman coding) - Differential progressive DCT",
            "Start of Frame (differential, Huffman coding) - Differential lossless (sequential)",
            "Start of Frame (non-differential, arithmetic coding) - Reserved for JPEG extensions",
            "Start of Frame (non-differential, arithmetic coding) - Extended sequential DCT",
            "Start of Frame (non-differential, arithmetic coding) - Progressive DCT",
            "Start of Frame (non-differential, arithmetic coding) - Lossless (sequential)",
            "Define arithmetic coding conditioning(s)",
            "Start of Frame (differential, arithmetic coding) - Differential sequential DCT",
            "Start of Frame (differential, arithmetic coding) - Differential progressive DCT",
            "Start of Frame (differential, arithmetic coding) - Differential lossless (sequential)"};
        for (int i = 0; i < sof.length; i++) {
            b.add(0xffc0 + i, sof[i]);
        }
        for (int i = 0; i < 8; i++) {
            b.add(0xffd0 + i, "Restart interval termination - Restart with modulo 8 count " + i);
        }
        b.add(SOI, "Start of Image").add(EOI, "End of Image").add(SOS, "Start of Scan")
                .add(0xffdb, "Define quantization table(s)").add(0xffdc, "Define number of lines")
                .add(0xffdd, "Define restart interval").add(0xffde, "Define hierarchical progression")
                .add(0xffdf, "Expand reference component(s)");
        for (int i = 0; i < 16; i++) {
            b.add(0xffe0 + i, "Reserved for application segments - " + i);
        }
        for (int i = 0; i < 14; i++) {
            b.add(0xfff0 + i, "Reserved for JPEG extensions - " + i);
        }
        b.add(COM, "Comment");
        return b.build();
    }
}
