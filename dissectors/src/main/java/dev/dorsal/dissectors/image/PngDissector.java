package dev.dorsal.dissectors.image;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.TrueFalse;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;
import java.util.Map;

/**
 * Reads a PNG image (an HTTP body of type {@code image/png}, RFC 2083) chunk by chunk: length, type
 * with its property bits, the decoded contents of IHDR, tEXt, tIME, pHYs, bKGD, cHRM, gAMA and sRGB
 * (other chunks are one {@code Data} node), and the CRC as sent. Appends {@code (PNG)} to Info.
 * Filter prefix {@code png}.
 *
 * <pre>
 * 89 50 4e 47 0d 0a 1a 0a | chunk: length(4) type(4) data(length) crc(4) | …
 * </pre>
 */
final class PngDissector {
    static final ProtocolDef PROTO = new ProtocolDef("Portable Network Graphics", "PNG", "png");

    private static final byte[] SIGNATURE_BYTES = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Chunk names as tshark labels them; other types are "unknown". */
    private static final Map<String, String> CHUNK_NAMES = Map.ofEntries(Map.entry("IHDR", "Image Header"),
            Map.entry("PLTE", "Palette"), Map.entry("gAMA", "Image gamma"),
            Map.entry("cHRM", "Primary chromaticities and white point"),
            Map.entry("sRGB", "Standard RGB colour space"), Map.entry("iCCP", "Embedded ICC profile"),
            Map.entry("tIME", "Image last-modification time"), Map.entry("pHYs", "Physical pixel dimensions"),
            Map.entry("bKGD", "Background colour"), Map.entry("iTXt", "International textual data"),
            Map.entry("tRNS", "Transparency"), Map.entry("sBIT", "Significant bits"),
            Map.entry("IDAT", "Image data chunk"), Map.entry("tEXt", "Textual data"),
            Map.entry("IEND", "Image Trailer"));
    private static final ValueString COLOUR_TYPES = ValueString.of(0, "Greyscale", 2, "Truecolour",
            3, "Indexed-colour", 4, "Greyscale with alpha", 6, "Truecolour with alpha");
    private static final ValueString COMPRESSION = ValueString.of(0, "Deflate");
    private static final ValueString FILTER = ValueString.of(0, "Adaptive");
    private static final ValueString INTERLACE = ValueString.of(0, "No interlace", 1, "Adam7");
    private static final ValueString INTENTS = ValueString.of(0, "Perceptual", 1, "Relative colorimetric",
            2, "Saturation", 3, "Absolute colorimetric");
    private static final ValueString UNITS = ValueString.of(0, "Unit is unknown", 1, "Unit is METRE");

    static final FieldDef SIGNATURE = FieldDef.bytes("png.signature", "PNG Signature");
    static final FieldDef CHUNK_DATA = FieldDef.none("png.chunk.data", "Data");
    static final FieldDef CHUNK_TYPE = FieldDef.string("png.chunk.type", "Chunk");
    static final FieldDef CHUNK_LEN = FieldDef.uint32("png.chunk.len", "Len");
    static final FieldDef CHUNK_CRC = FieldDef.uint32("png.chunk.crc", "CRC").hex();
    static final FieldDef ANCILLARY = FieldDef.bool("png.chunk.flag.ancillary", "Ancillary", 32, 0x20000000)
            .tfs(new TrueFalse("This is an ANCILLARY chunk", "This is a CRITICAL chunk"));
    static final FieldDef PRIVATE = FieldDef.bool("png.chunk.flag.private", "Private", 32, 0x200000)
            .tfs(new TrueFalse("This is a PRIVATE chunk", "This is a PUBLIC chunk"));
    static final FieldDef SAFE_TO_COPY = FieldDef.bool("png.chunk.flag.stc", "Safe To Copy", 32, 0x20)
            .tfs(new TrueFalse("This chunk is SAFE TO COPY", "This chunk is NOT safe to copy"));
    static final FieldDef WIDTH = FieldDef.uint32("png.ihdr.width", "Width");
    static final FieldDef HEIGHT = FieldDef.uint32("png.ihdr.height", "Height");
    static final FieldDef BIT_DEPTH = FieldDef.uint8("png.ihdr.bitdepth", "Bit Depth");
    static final FieldDef COLOUR_TYPE = FieldDef.uint8("png.ihdr.colour_type", "Colour Type").vals(COLOUR_TYPES);
    static final FieldDef COMPRESSION_METHOD = FieldDef.uint8("png.ihdr.compression_method", "Compression Method")
            .vals(COMPRESSION);
    static final FieldDef FILTER_METHOD = FieldDef.uint8("png.ihdr.filter_method", "Filter Method").vals(FILTER);
    static final FieldDef INTERLACE_METHOD = FieldDef.uint8("png.ihdr.interlace_method", "Interlace Method")
            .vals(INTERLACE);
    static final FieldDef SRGB_INTENT = FieldDef.uint8("png.srgb.intent", "Intent").vals(INTENTS);
    static final FieldDef TEXT_KEYWORD = FieldDef.string("png.text.keyword", "Keyword");
    static final FieldDef TEXT_STRING = FieldDef.string("png.text.string", "String");
    static final FieldDef YEAR = FieldDef.uint16("png.time.year", "Year");
    static final FieldDef MONTH = FieldDef.uint8("png.time.month", "Month");
    static final FieldDef DAY = FieldDef.uint8("png.time.day", "Day");
    static final FieldDef HOUR = FieldDef.uint8("png.time.hour", "Hour");
    static final FieldDef MINUTE = FieldDef.uint8("png.time.minute", "Minute");
    static final FieldDef SECOND = FieldDef.uint8("png.time.second", "Second");
    static final FieldDef PHYS_HORIZ = FieldDef.uint32("png.phys.horiz", "Horizontal pixels per unit");
    static final FieldDef PHYS_VERT = FieldDef.uint32("png.phys.vert", "Vertical pixels per unit");
    static final FieldDef PHYS_UNIT = FieldDef.uint8("png.phys.unit", "Unit").vals(UNITS);
    static final FieldDef BKGD_PALETTE = FieldDef.uint8("png.bkgd.palette_index", "Palette Index");
    static final FieldDef BKGD_GREYSCALE = FieldDef.uint16("png.bkgd.greyscale", "Greyscale").hex();
    static final FieldDef BKGD_RED = FieldDef.uint16("png.bkgd.red", "Red").hex();
    static final FieldDef BKGD_GREEN = FieldDef.uint16("png.bkgd.green", "Green").hex();
    static final FieldDef BKGD_BLUE = FieldDef.uint16("png.bkgd.blue", "Blue").hex();
    static final FieldDef WHITE_X = FieldDef.floatField("png.chrm.white.x", "White X");
    static final FieldDef WHITE_Y = FieldDef.floatField("png.chrm.white.y", "White Y");
    static final FieldDef RED_X = FieldDef.floatField("png.chrm.red.x", "Red X");
    static final FieldDef RED_Y = FieldDef.floatField("png.chrm.red.y", "Red Y");
    static final FieldDef GREEN_X = FieldDef.floatField("png.chrm.green.x", "Green X");
    static final FieldDef GREEN_Y = FieldDef.floatField("png.chrm.green.y", "Green Y");
    static final FieldDef BLUE_X = FieldDef.floatField("png.chrm.blue.x", "Blue X");
    static final FieldDef BLUE_Y = FieldDef.floatField("png.chrm.blue.y", "Blue Y");
    static final FieldDef GAMMA = FieldDef.floatField("png.gama.gamma", "Gamma");

    static final List<FieldDef> FIELDS = List.of(SIGNATURE, CHUNK_DATA, CHUNK_TYPE, CHUNK_LEN, CHUNK_CRC, ANCILLARY,
            PRIVATE, SAFE_TO_COPY, WIDTH, HEIGHT, BIT_DEPTH, COLOUR_TYPE, COMPRESSION_METHOD, FILTER_METHOD,
            INTERLACE_METHOD, SRGB_INTENT, TEXT_KEYWORD, TEXT_STRING, YEAR, MONTH, DAY, HOUR, MINUTE, SECOND,
            PHYS_HORIZ, PHYS_VERT, PHYS_UNIT, BKGD_PALETTE, BKGD_GREYSCALE, BKGD_RED, BKGD_GREEN, BKGD_BLUE,
            WHITE_X, WHITE_Y, RED_X, RED_Y, GREEN_X, GREEN_Y, BLUE_X, BLUE_Y, GAMMA);

    /** tshark takes nothing shorter as a PNG (the signature and one empty chunk). */
    private static final int MIN_LENGTH = 20;

    private PngDissector() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (tvb.reportedLength() < MIN_LENGTH || !tvb.has(0, SIGNATURE_BYTES.length)) {
            return 0;
        }
        for (int i = 0; i < SIGNATURE_BYTES.length; i++) {
            if (tvb.u8(i) != (SIGNATURE_BYTES[i] & 0xff)) {
                return 0;
            }
        }
        if (pinfo.columns().enabled()) {
            pinfo.columns().appendInfo(" (PNG)");
        }
        ProtoItem png = tree.addProtocol(PROTO, tvb, 0, tvb.length());
        png.add(SIGNATURE, tvb, 0, SIGNATURE_BYTES.length);
        int off = SIGNATURE_BYTES.length;
        int end = tvb.reportedLength();
        while (off < end) {
            off = chunk(tvb, off, png);
        }
        return off;
    }

    private static int chunk(Tvb tvb, int start, ProtoItem png) {
        long len = tvb.u32(start);
        String type = tvb.ascii(start + 4, 4);
        if (len > Integer.MAX_VALUE - 12 - start || !tvb.has(start, (int) len + 12)) {
            // tshark gives the chunk its whole length up front, so a chunk that does not fit shows nothing
            tvb.bytes(start, (int) Math.min(len + 12, Integer.MAX_VALUE - start));
        }
        int n = (int) len;
        String name = CHUNK_NAMES.getOrDefault(type, "unknown");
        ProtoItem c = png.addText(tvb, start, n + 12, name + " (" + type + ")");
        c.add(CHUNK_LEN, tvb, start, 4);
        c.add(CHUNK_TYPE, tvb, start + 4, 4);
        c.add(ANCILLARY, tvb, start + 4, 4);
        c.add(PRIVATE, tvb, start + 4, 4);
        c.add(SAFE_TO_COPY, tvb, start + 4, 4);
        int data = start + 8;
        switch (type) {
            case "IHDR" -> ihdr(tvb, data, c);
            case "tEXt" -> text(tvb, data, n, c);
            case "tIME" -> time(tvb, data, c);
            case "pHYs" -> phys(tvb, data, c);
            case "bKGD" -> background(tvb, data, n, c);
            case "cHRM" -> chromaticities(tvb, data, c);
            case "gAMA" -> c.addDouble(GAMMA, tvb, data, 4, ratio(tvb, data));
            case "sRGB" -> c.add(SRGB_INTENT, tvb, data, 1);
            case "IEND" -> { }
            default -> c.add(CHUNK_DATA, tvb, data, n);
        }
        c.add(CHUNK_CRC, tvb, data + n, 4);
        return data + n + 4;
    }

    private static void ihdr(Tvb tvb, int off, ProtoItem c) {
        c.add(WIDTH, tvb, off, 4);
        c.add(HEIGHT, tvb, off + 4, 4);
        c.add(BIT_DEPTH, tvb, off + 8, 1);
        c.add(COLOUR_TYPE, tvb, off + 9, 1);
        c.add(COMPRESSION_METHOD, tvb, off + 10, 1);
        c.add(FILTER_METHOD, tvb, off + 11, 1);
        c.add(INTERLACE_METHOD, tvb, off + 12, 1);
    }

    /** Keyword, NUL, text; without the NUL tshark shows neither. */
    private static void text(Tvb tvb, int off, int n, ProtoItem c) {
        int nul = -1;
        for (int i = off; i < off + n; i++) {
            if (tvb.u8(i) == 0) {
                nul = i;
                break;
            }
        }
        if (nul < 0) {
            return;
        }
        c.addString(TEXT_KEYWORD, tvb, off, nul - off, tvb.ascii(off, nul - off));
        int rest = off + n - (nul + 1);
        ImageText.latin1(c, TEXT_STRING, tvb, nul + 1, rest);
    }

    private static void time(Tvb tvb, int off, ProtoItem c) {
        c.add(YEAR, tvb, off, 2);
        c.add(MONTH, tvb, off + 2, 1);
        c.add(DAY, tvb, off + 3, 1);
        c.add(HOUR, tvb, off + 4, 1);
        c.add(MINUTE, tvb, off + 5, 1);
        c.add(SECOND, tvb, off + 6, 1);
    }

    private static void phys(Tvb tvb, int off, ProtoItem c) {
        c.add(PHYS_HORIZ, tvb, off, 4);
        c.add(PHYS_VERT, tvb, off + 4, 4);
        c.add(PHYS_UNIT, tvb, off + 8, 1);
    }

    /** The background's form follows from its length: palette index (1), grey (2) or RGB (6). */
    private static void background(Tvb tvb, int off, int n, ProtoItem c) {
        switch (n) {
            case 1 -> c.add(BKGD_PALETTE, tvb, off, 1);
            case 2 -> c.add(BKGD_GREYSCALE, tvb, off, 2);
            case 6 -> {
                c.add(BKGD_RED, tvb, off, 2);
                c.add(BKGD_GREEN, tvb, off + 2, 2);
                c.add(BKGD_BLUE, tvb, off + 4, 2);
            }
            default -> { }
        }
    }

    private static void chromaticities(Tvb tvb, int off, ProtoItem c) {
        FieldDef[] points = {WHITE_X, WHITE_Y, RED_X, RED_Y, GREEN_X, GREEN_Y, BLUE_X, BLUE_Y};
        for (int i = 0; i < points.length; i++) {
            c.addDouble(points[i], tvb, off + 4 * i, 4, ratio(tvb, off + 4 * i));
        }
    }

    /** PNG stores these as value × 100000; tshark keeps the quotient as a single-precision float. */
    private static double ratio(Tvb tvb, int off) {
        return (float) (tvb.u32(off) / 100000.0);
    }
}
