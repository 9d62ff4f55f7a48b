package dev.dorsal.dissectors.http2;

import java.io.ByteArrayOutputStream;

/**
 * Decodes HPACK's Huffman-coded strings (RFC 7541 §5.2, code of Appendix B). The code is canonical, so
 * it is given here by its code lengths alone: codes are handed out in order of length, then of symbol.
 * A string that decodes the end-of-string symbol, or ends in more than 7 bits of padding, or in padding
 * that is not the most significant bits of EOS (all ones), is an error: {@link #decode} returns null.
 */
final class HpackHuffman {
    /** Code length of symbols 0 to 256 (256 is EOS), as {@code 'a' + length - 5}, from RFC 7541 Appendix B. */
    private static final String LENGTHS = "isxxxxxxxtzxxzxxxxxxxxzxxxxxxxxxbffhibdgffdgdbbbaaabbbbbbbcdkbhf"
            + "ibccccccccccccccccccccccdcdioijbkabababbbaccbbbabcbaabccccckgjix"
            + "prpprrrsrssssststtrstssssqrsrsstrqprrssqsrrtqrssqqrqsrssprrrsrrs"
            + "vvporsruvvvwwvtuoqvwwvwtqqvvxwwwptpqrqqsrruuttvsvwvvwwwwwxwwwwwv"
            + "z";
    private static final int EOS = 256;
    private static final int MAX_LENGTH = 30;

    /** For each code length: the first code of that length, and the index in {@link #SYMBOLS} of its symbol. */
    private static final int[] FIRST_CODE = new int[MAX_LENGTH + 2];
    private static final int[] FIRST_INDEX = new int[MAX_LENGTH + 2];
    private static final int[] COUNT = new int[MAX_LENGTH + 2];
    /** Symbols sorted by (length, symbol): the canonical order. */
    private static final int[] SYMBOLS = new int[257];

    static {
        for (int s = 0; s < 257; s++) {
            COUNT[length(s)]++;
        }
        int code = 0;
        int index = 0;
        for (int len = 1; len <= MAX_LENGTH; len++) {
            code = (code + COUNT[len - 1]) << 1;
            FIRST_CODE[len] = code;
            FIRST_INDEX[len] = index;
            index += COUNT[len];
        }
        int[] next = FIRST_INDEX.clone();
        for (int s = 0; s < 257; s++) {
            SYMBOLS[next[length(s)]++] = s;
        }
    }

    private HpackHuffman() {}

    private static int length(int symbol) {
        return LENGTHS.charAt(symbol) - 'a' + 5;
    }

    /** The decoded bytes of {@code len} Huffman-coded bytes at {@code off}, or null when they are not valid. */
    static byte[] decode(byte[] in, int off, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len * 8 / 5 + 1);
        int code = 0;
        int bits = 0;
        for (int i = off; i < off + len; i++) {
            int b = in[i] & 0xff;
            for (int k = 7; k >= 0; k--) {
                code = (code << 1) | ((b >>> k) & 1);
                bits++;
                if (bits < 5) {
                    continue;
                }
                int rel = code - FIRST_CODE[bits];
                if (rel >= 0 && rel < COUNT[bits]) {
                    int symbol = SYMBOLS[FIRST_INDEX[bits] + rel];
                    if (symbol == EOS) {
                        return null;
                    }
                    out.write(symbol);
                    code = 0;
                    bits = 0;
                } else if (bits == MAX_LENGTH) {
                    return null;
                }
            }
        }
        // What is left must be padding: at most 7 bits, all ones.
        if (bits > 7 || code != (1 << bits) - 1) {
            return null;
        }
        return out.toByteArray();
    }
}
