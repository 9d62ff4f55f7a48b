package dev.dorsal.dissectors.image;

import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.PacketInfo;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.ProtocolDef;
import dev.dorsal.engine.spi.Tvb;
import dev.dorsal.engine.spi.ValueString;
import java.util.List;

/**
 * Reads a GIF87a/GIF89a image (an HTTP body of type {@code image/gif}) into its blocks: the logical
 * screen descriptor, the global color map, extensions, images with their LZW data blocks, and the
 * trailer, and appends the version to Info ({@code (GIF89a)}). Filter prefix {@code image-gif}.
 *
 * <pre>
 * "GIF89a" | width(2 LE) height(2 LE) flags(1) background(1) aspect(1) | color map | blocks… | 0x3b
 * block: 0x21 label sub-blocks… 0 (extension) | 0x2c descriptor(9) [color map] code-size sub-blocks… 0
 * </pre>
 */
final class GifDissector {
    static final ProtocolDef PROTO = new ProtocolDef("Compuserve GIF", "GIF image", "image-gif");

    private static final ValueString TRUE_FALSE = ValueString.of(0, "False", 1, "True");
    private static final ValueString EXTENSIONS = ValueString.of(0x01, "Plain Text", 0xf9, "Graphics Control",
            0xfe, "Comment", 0xff, "Application");

    static final FieldDef VERSION = FieldDef.string("image-gif.version", "Version");
    static final FieldDef SCREEN_WIDTH = FieldDef.uint16("image-gif.screen.width", "Screen width");
    static final FieldDef SCREEN_HEIGHT = FieldDef.uint16("image-gif.screen.height", "Screen height");
    static final FieldDef GLOBAL_MAP_PRESENT = FieldDef.uint8("image-gif.global.color_map.present",
            "Global color map is present").mask(0x80).vals(TRUE_FALSE);
    static final FieldDef GLOBAL_COLOR_BPP = FieldDef.uint8("image-gif.global.color_bpp", "Bits per color minus 1")
            .mask(0x70);
    static final FieldDef GLOBAL_MAP_ORDERED = FieldDef.uint8("image-gif.global.color_map.ordered",
            "Global color map is ordered").mask(0x08).vals(TRUE_FALSE);
    static final FieldDef GLOBAL_BPP = FieldDef.uint8("image-gif.global.bpp", "Image bits per pixel minus 1")
            .mask(0x07);
    static final FieldDef BACKGROUND = FieldDef.uint8("image-gif.image_background_index", "Background color index");
    static final FieldDef ASPECT_RATIO = FieldDef.uint8("image-gif.global.pixel_aspect_ratio",
            "Global pixel aspect ratio");
    static final FieldDef GLOBAL_MAP = FieldDef.bytes("image-gif.global.color_map", "Global color map");
    static final FieldDef IMAGE_LEFT = FieldDef.uint16("image-gif.image.left", "Image left position");
    static final FieldDef IMAGE_TOP = FieldDef.uint16("image-gif.image.top", "Image top position");
    static final FieldDef IMAGE_WIDTH = FieldDef.uint16("image-gif.image.width", "Image width");
    static final FieldDef IMAGE_HEIGHT = FieldDef.uint16("image-gif.image.height", "Image height");
    static final FieldDef LOCAL_MAP_PRESENT = FieldDef.uint8("image-gif.local.color_map.present",
            "Local color map is present").mask(0x80).vals(TRUE_FALSE);
    static final FieldDef LOCAL_COLOR_BPP = FieldDef.uint8("image-gif.local.color_bpp", "Bits per color minus 1")
            .mask(0x70);
    static final FieldDef LOCAL_MAP_ORDERED = FieldDef.uint8("image-gif.local.color_map.ordered",
            "Local color map is ordered").mask(0x08).vals(TRUE_FALSE);
    static final FieldDef LOCAL_BPP = FieldDef.uint8("image-gif.local.bpp", "Image bits per pixel minus 1")
            .mask(0x07);
    static final FieldDef LOCAL_MAP = FieldDef.bytes("image-gif.local.color_map", "Local color map");
    static final FieldDef EXTENSION = FieldDef.none("image-gif.extension", "Extension");
    static final FieldDef EXTENSION_LABEL = FieldDef.uint8("image-gif.extension.label", "Extension label").hex()
            .vals(EXTENSIONS);
    static final FieldDef IMAGE = FieldDef.none("image-gif.image", "Image");
    static final FieldDef CODE_SIZE = FieldDef.uint8("image-gif.image.code_size", "LZW minimum code size");
    static final FieldDef END = FieldDef.none("image-gif.end", "Trailer (End of the GIF stream)");
    static final FieldDef DATA_BLOCK = FieldDef.of("image-gif.data_block", "Data block", FieldType.UINT_BYTES,
            Base.NONE);

    static final List<FieldDef> FIELDS = List.of(VERSION, SCREEN_WIDTH, SCREEN_HEIGHT, GLOBAL_MAP_PRESENT,
            GLOBAL_COLOR_BPP, GLOBAL_MAP_ORDERED, GLOBAL_BPP, BACKGROUND, ASPECT_RATIO, GLOBAL_MAP, IMAGE_LEFT,
            IMAGE_TOP, IMAGE_WIDTH, IMAGE_HEIGHT, LOCAL_MAP_PRESENT, LOCAL_COLOR_BPP, LOCAL_MAP_ORDERED, LOCAL_BPP,
            LOCAL_MAP, EXTENSION, EXTENSION_LABEL, IMAGE, CODE_SIZE, END, DATA_BLOCK);

    static final ExpertDef UNKNOWN_BLOCK = new ExpertDef("gif.data_block_type.unknown",
            "Unknown GIF data block type", ExpertDef.Group.PROTOCOL, ExpertDef.Severity.WARN);

    /** tshark takes nothing shorter as a GIF (header, screen descriptor and a little more). */
    private static final int MIN_LENGTH = 20;
    private static final int EXTENSION_INTRODUCER = 0x21;
    private static final int IMAGE_SEPARATOR = 0x2c;
    private static final int TRAILER = 0x3b;

    private GifDissector() {}

    static int dissect(Tvb tvb, PacketInfo pinfo, ProtoItem tree) {
        if (tvb.reportedLength() < MIN_LENGTH || !tvb.has(0, 6)) {
            return 0;
        }
        String version = tvb.ascii(0, 6);
        boolean v89a = version.equals("GIF89a");
        if (!v89a && !version.equals("GIF87a")) {
            return 0;
        }
        if (pinfo.columns().enabled()) {
            pinfo.columns().appendInfo(" (" + version + ")");
        }
        boolean detailed = tree.tree().detailed();
        ProtoItem gif = tree.addProtocol(PROTO, tvb, 0, tvb.length(),
                detailed ? "Compuserve GIF, Version: " + version : null);
        gif.add(VERSION, tvb, 0, 6);
        gif.addLE(SCREEN_WIDTH, tvb, 6, 2);
        gif.addLE(SCREEN_HEIGHT, tvb, 8, 2);
        int flags = tvb.u8(10);
        ProtoItem settings = gif.addText(tvb, 10, 1, "Global settings:" + settingsText(flags, "Global"));
        settings.add(GLOBAL_MAP_PRESENT, tvb, 10, 1);
        settings.add(GLOBAL_COLOR_BPP, tvb, 10, 1);
        if (v89a) {
            settings.add(GLOBAL_MAP_ORDERED, tvb, 10, 1);
        }
        settings.add(GLOBAL_BPP, tvb, 10, 1);
        gif.add(BACKGROUND, tvb, 11, 1);
        int off = 13;
        if ((flags & 0x80) != 0) {
            int size = colorMapSize(flags);
            gif.add(GLOBAL_MAP, tvb, off, size);
            off += size;
        }
        int end = tvb.reportedLength();
        while (off < end) {
            int type = tvb.u8(off);
            if (type == EXTENSION_INTRODUCER) {
                off = extension(tvb, off, gif);
            } else if (type == IMAGE_SEPARATOR) {
                off = image(tvb, off, gif, v89a);
            } else if (type == TRAILER) {
                gif.add(END, tvb, off, 1);
                off++;
                break;
            } else {
                gif.addText(tvb, off, 1, UNKNOWN_BLOCK.summary()).expert(UNKNOWN_BLOCK);
                off++;
            }
        }
        return off;
    }

    /**
     * The settings summary: tshark's color resolution text takes only two of the three bits (mask
     * 0x60), which is what it shows, so Dorsal does the same.
     */
    private static String settingsText(int flags, String scope) {
        StringBuilder s = new StringBuilder();
        if ((flags & 0x80) != 0) {
            s.append(" (").append(scope).append(" color table present)");
        }
        int colorBits = 1 + ((flags & 0x60) >> 4);
        int pixelBits = 1 + (flags & 0x07);
        s.append(" (").append(colorBits).append(colorBits == 1 ? " bit" : " bits").append(" per color)");
        s.append(" (").append(pixelBits).append(pixelBits == 1 ? " bit" : " bits").append(" per pixel)");
        return s.toString();
    }

    private static int colorMapSize(int flags) {
        return 3 * (1 << ((flags & 0x07) + 1));
    }

    private static int extension(Tvb tvb, int start, ProtoItem gif) {
        int label = tvb.u8(start + 1);
        String name = EXTENSIONS.name(label);
        ProtoItem ext = gif.add(EXTENSION, tvb, start, 1);
        if (gif.tree().detailed()) {
            ext.setText(name != null ? "Extension: " + name
                    : "Extension: <Warning: Unknown extension 0x%02x>".formatted(label));
        }
        ext.add(EXTENSION_LABEL, tvb, start + 1, 1);
        int off = dataBlocks(tvb, start + 2, ext);
        if (label != 0x01 && name != null) {
            ext.setLength(off - start); // tshark leaves plain-text and unknown extensions one byte long
        }
        return off;
    }

    private static int image(Tvb tvb, int start, ProtoItem gif, boolean v89a) {
        ProtoItem img = gif.add(IMAGE, tvb, start, 1);
        img.addLE(IMAGE_LEFT, tvb, start + 1, 2);
        img.addLE(IMAGE_TOP, tvb, start + 3, 2);
        img.addLE(IMAGE_WIDTH, tvb, start + 5, 2);
        img.addLE(IMAGE_HEIGHT, tvb, start + 7, 2);
        int flags = tvb.u8(start + 9);
        ProtoItem settings = img.addText(tvb, start + 9, 1, "Local settings:" + settingsText(flags, "Local"));
        settings.add(LOCAL_MAP_PRESENT, tvb, start + 9, 1);
        settings.add(LOCAL_COLOR_BPP, tvb, start + 9, 1);
        if (v89a) {
            settings.add(LOCAL_MAP_ORDERED, tvb, start + 9, 1);
        }
        // tshark files the local pixel depth under the global field's name; filters see it there
        settings.add(GLOBAL_BPP, tvb, start + 9, 1);
        int off = start + 10;
        if ((flags & 0x80) != 0) {
            int size = colorMapSize(flags);
            img.add(LOCAL_MAP, tvb, off, size);
            off += size;
        }
        img.add(CODE_SIZE, tvb, off, 1);
        off = dataBlocks(tvb, off + 1, img);
        img.setLength(off - start);
        return off;
    }

    /** Sub-blocks (a length byte, then that many bytes) up to and including the empty one. */
    private static int dataBlocks(Tvb tvb, int off, ProtoItem parent) {
        boolean detailed = parent.tree().detailed();
        while (true) {
            int n = tvb.u8(off);
            byte[] data = tvb.bytes(off + 1, n);
            ProtoItem block = parent.addBytes(DATA_BLOCK, tvb, off, 1 + n, data);
            if (detailed) {
                block.appendText(" (length = " + n + ")");
            }
            off += 1 + n;
            if (n == 0) {
                return off;
            }
        }
    }
}
