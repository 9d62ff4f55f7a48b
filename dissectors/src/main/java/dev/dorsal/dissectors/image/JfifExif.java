package dev.dorsal.dissectors.image;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the TIFF structure inside an Exif APP1 segment: byte order, the offset of the first image
 * file directory, each directory's entries (tag, type, count, the value when it fits in four bytes,
 * else its offset), then the values stored elsewhere and the Exif, GPS and interoperability
 * directories the first one points to, in the order tshark shows them.
 *
 * <pre>
 * "II"|"MM" 0x002a ifd-offset(4) | ifd: count(2) entries(12 each: tag type count value/offset) next(4)
 * </pre>
 */
final class JfifExif {
    private static final ValueString TYPES = ValueString.of(1, "BYTE", 2, "ASCII", 3, "SHORT", 4, "LONG",
            5, "RATIONAL", 7, "UNDEFINED", 9, "SLONG", 10, "SRATIONAL");

    static final FieldDef ENDIANNESS_FIELD = FieldDef.uint16("image-jfif.endianness", "Endianness").hex();
    static final FieldDef START_IFD_OFFSET = FieldDef.uint32("image-jfif.start_ifd_offset",
            "Start offset of IFD starting from the TIFF header start").unit(" bytes");
    static final FieldDef NEXT_IFD_OFFSET = FieldDef.uint32("image-jfif.next_ifd_offset",
            "Offset to next IFD from start of TIFF header").unit(" bytes");
    static final FieldDef SKIPPED = FieldDef.bytes("image-jfif.skipped_tiff_data",
            "Skipped data between end of TIFF header and start of IFD");
    static final FieldDef NUM_FIELDS = FieldDef.uint16("image-jfif.ifd.num_fields", "Number of fields in this IFD");
    static final FieldDef TAG = FieldDef.uint16("image-jfif.ifd.tag", "Tag").vals(ExifTags.IFD0);
    static final FieldDef TAG_EXIF = FieldDef.uint16("image-jfif.ifd.tag_exif", "Tag").vals(ExifTags.EXIF);
    static final FieldDef TAG_GPS = FieldDef.uint16("image-jfif.ifd.tag_gps", "Tag").vals(ExifTags.GPS);
    static final FieldDef TAG_INTEROP = FieldDef.uint16("image-jfif.ifd.tag_interop", "Tag").vals(ExifTags.INTEROP);
    static final FieldDef TYPE = FieldDef.uint16("image-jfif.ifd.type", "Type").vals(TYPES);
    static final FieldDef COUNT = FieldDef.uint32("image-jfif.ifd.count", "Count");
    static final FieldDef OFFSET = FieldDef.uint32("image-jfif.ifd.offset", "Value offset from start of TIFF header");
    static final FieldDef VALUE_BYTE = FieldDef.uint8("image-jfif.ifd.value_byte", "Value");
    static final FieldDef VALUE_ASCII = FieldDef.string("image-jfif.ifd.value_ascii", "Value");
    static final FieldDef VALUE_SHORT = FieldDef.uint16("image-jfif.ifd.value_short", "Value");
    static final FieldDef VALUE_LONG = FieldDef.uint32("image-jfif.ifd.value_long", "Value");
    static final FieldDef VALUE_RATIONAL = FieldDef.none("image-jfif.ifd.value_rational", "Value");
    static final FieldDef NUMERATOR = FieldDef.uint32("image-jfif.ifd.value_rational.numerator", "Numerator");
    static final FieldDef DENOMINATOR = FieldDef.uint32("image-jfif.ifd.value_rational.denominator", "Denominator");
    static final FieldDef VALUE_UNDEFINED = FieldDef.bytes("image-jfif.ifd.value_undefined", "Value (raw)");
    static final FieldDef VALUE_SLONG = FieldDef.int32("image-jfif.ifd.value_slong", "Value");
    static final FieldDef VALUE_SRATIONAL = FieldDef.none("image-jfif.ifd.value_srational", "Value");
    static final FieldDef SNUMERATOR = FieldDef.int32("image-jfif.ifd.value_srational.numerator", "Numerator");
    static final FieldDef SDENOMINATOR = FieldDef.int32("image-jfif.ifd.value_srational.denominator",
            "Denominator");

    static final List<FieldDef> FIELDS = List.of(ENDIANNESS_FIELD, START_IFD_OFFSET, NEXT_IFD_OFFSET, SKIPPED,
            NUM_FIELDS, TAG, TAG_EXIF, TAG_GPS, TAG_INTEROP, TYPE, COUNT, OFFSET, VALUE_BYTE, VALUE_ASCII,
            VALUE_SHORT, VALUE_LONG, VALUE_RATIONAL, NUMERATOR, DENOMINATOR, VALUE_UNDEFINED, VALUE_SLONG,
            VALUE_SRATIONAL, SNUMERATOR, SDENOMINATOR);

    static final ExpertDef BOGUS_OFFSET = new ExpertDef("image-jfif.ifd_value_offset.invalid", "Invalid value",
            ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    private static final int EXIF_POINTER = 0x8769;
    private static final int GPS_POINTER = 0x8825;
    private static final int INTEROP_POINTER = 0xa005;

    /** One kind of directory: its title and the field (name table) of its tags. */
    private record Directory(String title, FieldDef tag) {}

    private static final Directory IFD0 = new Directory("Image File Directory", TAG);
    private static final Directory EXIF = new Directory("Exif IFD", TAG_EXIF);
    private static final Directory GPS = new Directory("GPS IFD", TAG_GPS);
    private static final Directory INTEROP = new Directory("Interoperability IFD", TAG_INTEROP);

    /** A value stored outside its entry, shown after the directory. */
    private record Deferred(int type, long count, long offset) {}

    private final Tvb seg;
    private final int tiff;
    private final int tiffLength;
    private final boolean little;

    private JfifExif(Tvb seg, int tiff, boolean little) {
        this.seg = seg;
        this.tiff = tiff;
        this.tiffLength = seg.reportedLength() - tiff;
        this.little = little;
    }

    /** Reads the TIFF header at {@code tiff} in the APP1 segment {@code seg} under {@code s}. */
    static void dissect(Tvb seg, int tiff, ProtoItem s) {
        int order = seg.u16(tiff);
        ProtoItem e = s.add(ENDIANNESS_FIELD, seg, tiff, 2);
        if (order != 0x4949 && order != 0x4d4d) {
            if (s.tree().detailed()) {
                e.setText("Endianness: Incorrect encoding 0x%04x- skipping the remainder of this application marker"
                        .formatted(order));
            }
            return;
        }
        if (s.tree().detailed()) {
            e.setText(order == 0x4949 ? "Endianness: little endian" : "Endianness: big endian");
        }
        JfifExif exif = new JfifExif(seg, tiff, order == 0x4949);
        long first = exif.u32(tiff + 4);
        exif.add(s, START_IFD_OFFSET, tiff + 4, 4);
        if (first > 8) {
            s.add(SKIPPED, seg, tiff + 8, (int) first - 8);
        }
        exif.directory(s, IFD0, first, 0);
    }

    private void directory(ProtoItem s, Directory kind, long offset, int index) {
        int start = tiff + (int) offset;
        int n = u16(start);
        ProtoItem dir = s.addText(seg, start, 2 + 12 * n + 4, kind.title() + " #" + index);
        add(dir, NUM_FIELDS, start, 2);
        List<Deferred> deferred = new ArrayList<>();
        List<Object[]> children = new ArrayList<>();
        int off = start + 2;
        for (int i = 0; i < n; i++, off += 12) {
            int tag = u16(off);
            int type = u16(off + 2);
            long count = u32(off + 4);
            add(dir, kind.tag(), off, 2);
            add(dir, TYPE, off + 2, 2);
            add(dir, COUNT, off + 4, 4);
            int size = size(type);
            if (size > 0 && count * size <= 4) {
                inline(dir, type, (int) count, off + 8);
                if (kind == IFD0 && (tag == EXIF_POINTER || tag == GPS_POINTER || tag == INTEROP_POINTER)) {
                    Directory sub = tag == EXIF_POINTER ? EXIF : tag == GPS_POINTER ? GPS : INTEROP;
                    children.add(new Object[] {sub, u32(off + 8)});
                }
            } else {
                long at = u32(off + 8);
                ProtoItem o = add(dir, OFFSET, off + 8, 4);
                if (at >= tiffLength) {
                    o.expert(BOGUS_OFFSET, "bogus, should be < " + tiffLength);
                } else if (size > 0) {
                    deferred.add(new Deferred(type, count, at));
                }
            }
        }
        long next = u32(off);
        add(dir, NEXT_IFD_OFFSET, off, 4);
        for (Deferred d : deferred) {
            values(s, d.type(), (int) d.count(), tiff + (int) d.offset());
        }
        for (Object[] c : children) {
            directory(s, (Directory) c[0], (Long) c[1], 0);
        }
        if (next != 0 && next < tiffLength) {
            directory(s, kind, next, index + 1);
        }
    }

    /** Bytes per element of a type tshark decodes; 0 for the others (shown by offset only). */
    private static int size(int type) {
        return switch (type) {
            case 1, 2, 7 -> 1;
            case 3 -> 2;
            case 4, 9 -> 4;
            case 5, 10 -> 8;
            default -> 0;
        };
    }

    private void inline(ProtoItem dir, int type, int count, int off) {
        values(dir, type, count, off);
    }

    private void values(ProtoItem parent, int type, int count, int off) {
        switch (type) {
            case 2 -> {
                ImageText.ascii(parent, VALUE_ASCII, seg, off, count);
            }
            case 7 -> parent.add(VALUE_UNDEFINED, seg, off, count);
            default -> {
                int size = size(type);
                for (int i = 0; i < count; i++) {
                    element(parent, type, off + i * size);
                }
            }
        }
    }

    private void element(ProtoItem parent, int type, int off) {
        switch (type) {
            case 1 -> parent.add(VALUE_BYTE, seg, off, 1);
            case 3 -> add(parent, VALUE_SHORT, off, 2);
            case 4 -> add(parent, VALUE_LONG, off, 4);
            case 9 -> add(parent, VALUE_SLONG, off, 4);
            case 5, 10 -> {
                boolean signed = type == 10;
                long num = u32(off);
                long den = u32(off + 4);
                ProtoItem r = parent.add(signed ? VALUE_SRATIONAL : VALUE_RATIONAL, seg, off, 8);
                if (parent.tree().detailed()) {
                    r.setText(signed ? "Value: " + (int) num + "/" + (int) den : "Value: " + num + "/" + den);
                }
                add(r, signed ? SNUMERATOR : NUMERATOR, off, 4);
                add(r, signed ? SDENOMINATOR : DENOMINATOR, off + 4, 4);
            }
            default -> { }
        }
    }

    private ProtoItem add(ProtoItem parent, FieldDef f, int off, int len) {
        return little ? parent.addLE(f, seg, off, len) : parent.add(f, seg, off, len);
    }

    private int u16(int off) {
        return little ? seg.u16le(off) : seg.u16(off);
    }

    private long u32(int off) {
        return little ? seg.u32le(off) : seg.u32(off);
    }
}
