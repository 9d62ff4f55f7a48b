package dev.dorsal.dissectors.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dorsal.dissectors.http.testkit.BodyExchange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * HTTP bodies handed to the image dissectors by media type, through the real stack (TCP, HTTP):
 * the values tshark 4.0.17 shows for them (checked against it on the same bytes), the bodies a
 * dissector declines, and a body cut at every point into two segments.
 */
class ImageBodiesTest {
    private static final BodyExchange EXCHANGE = new BodyExchange(List.of("http", "image-gif", "image-jfif", "png",
            "media"));
    private static final HexFormat HEX = HexFormat.of();

    /** A 1×1 GIF89a: 2-entry global map, graphics control extension, one image with LZW data. */
    private static final byte[] GIF = HEX.parseHex(
            "47494638396101000100800000" + "000000ffffff" + "21f9040100000000" + "2c00000000010001000002024401003b");

    @Test
    void gifBlocksAndTheLocalDepthUnderTheGlobalName() {
        List<String> f = fields(response("image/gif", GIF));
        assertTrue(f.contains("image-gif.version=GIF89a"), f::toString);
        assertTrue(f.contains("image-gif.global.color_map=000000ffffff"), f::toString);
        assertTrue(f.contains("image-gif.extension.label=0xf9"), f::toString);
        assertTrue(f.contains("image-gif.data_block=01000000"), f::toString);
        assertTrue(f.contains("image-gif.data_block=<none>"), f::toString);
        assertTrue(f.contains("image-gif.image.code_size=2"), f::toString);
        // tshark files the image's own pixel depth under image-gif.global.bpp too
        assertEquals(2, f.stream().filter(s -> s.startsWith("image-gif.global.bpp=")).count(), f::toString);
        assertFalse(f.stream().anyMatch(s -> s.startsWith("image-gif.local.bpp=")), f::toString);
        assertTrue(f.contains("image-gif.end=1"), f::toString);
    }

    @Test
    void pngChunksDecoded() {
        byte[] png = png(chunk("IHDR", HEX.parseHex("00000280000001e00806000001")), chunk("gAMA", HEX.parseHex("0000b18f")),
                chunk("tEXt", "Comment\0hello".getBytes(StandardCharsets.US_ASCII)), chunk("IEND", new byte[0]));
        List<String> f = fields(response("image/png", png));
        assertTrue(f.contains("png.ihdr.width=640"), f::toString);
        assertTrue(f.contains("png.ihdr.interlace_method=1"), f::toString);
        assertTrue(f.contains("png.gama.gamma=0.45455"), f::toString);
        assertTrue(f.contains("png.text.keyword=Comment"), f::toString);
        assertTrue(f.contains("png.text.string=hello"), f::toString);
        assertTrue(f.contains("png.chunk.type=IEND"), f::toString);
    }

    @Test
    void jpegWithLittleEndianExif() {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(HEX.parseHex("49492a0008000000")); // "II", 42, first IFD at 8
        tiff.writeBytes(HEX.parseHex("0200")); // two entries
        tiff.writeBytes(HEX.parseHex("0f010200060000002600000012010300010000000100" + "0000"));
        tiff.writeBytes(HEX.parseHex("00000000")); // no next IFD
        tiff.writeBytes("Canon\0".getBytes(StandardCharsets.US_ASCII)); // at 8 + 2 + 24 + 4 = 38 (0x26)
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.toByteArray());
        byte[] jpeg = concat(HEX.parseHex("ffd8"), segment(0xe1, exif), HEX.parseHex("ffd9"));
        List<String> f = fields(response("image/jpeg", jpeg));
        assertTrue(f.contains("image-jfif.identifier=Exif"), f::toString);
        assertTrue(f.contains("image-jfif.endianness=0x4949"), f::toString);
        assertTrue(f.contains("image-jfif.ifd.tag=271"), f::toString);
        assertTrue(f.contains("image-jfif.ifd.offset=38"), f::toString);
        assertTrue(f.contains("image-jfif.ifd.value_short=1"), f::toString);
        assertTrue(f.contains("image-jfif.ifd.value_ascii=Canon"), f::toString);
        assertTrue(f.contains("image-jfif.app0-identifier-not-jfif=1"), f::toString);
    }

    @Test
    void declinedBodiesBecomeMediaWithANote() {
        List<String> f = fields(response("image/gif", Arrays.copyOf(GIF, 19)));
        assertFalse(f.stream().anyMatch(s -> s.startsWith("image-gif")), f::toString);
        assertTrue(f.stream().anyMatch(s -> s.startsWith("media.type=")), f::toString);
        assertTrue(f.contains("http.subdissector_failed=1"), f::toString);

        byte[] dqtFirst = concat(HEX.parseHex("ffd8"), segment(0xdb, new byte[20]), HEX.parseHex("ffd9"));
        List<String> j = fields(response("image/jpeg", dqtFirst));
        assertFalse(j.stream().anyMatch(s -> s.startsWith("image-jfif")), j::toString);
        assertTrue(j.stream().anyMatch(s -> s.startsWith("media.type=")), j::toString);
    }

    @Test
    void sameFieldsAtEverySplitPoint() {
        byte[] resp = response("image/gif", GIF);
        List<String> whole = fields(resp);
        List<List<String>> splits = EXCHANGE.fieldsAtEverySplit(resp);
        for (int k = 0; k < splits.size(); k++) {
            assertEquals(whole, splits.get(k), "split at " + (k + 1));
        }
    }

    private static List<String> fields(byte[] response) {
        return EXCHANGE.fields(response);
    }

    private static byte[] response(String type, byte[] body) {
        return BodyExchange.response(type, body);
    }

    private static byte[] png(byte[]... chunks) {
        return concat(HEX.parseHex("89504e470d0a1a0a"), concat(chunks));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] len = {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
            (byte) data.length};
        long c = crc.getValue();
        return concat(len, t, data, new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
    }

    private static byte[] segment(int marker, byte[] data) {
        int len = data.length + 2;
        return concat(new byte[] {(byte) 0xff, (byte) marker, (byte) (len >>> 8), (byte) len}, data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
