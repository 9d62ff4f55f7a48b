package dev.dorsal.engine.spi;

/**
 * A buffer that packet bytes come from: the frame itself, or a reassembled or decrypted buffer.
 * Field positions are offsets into a data source; {@code -x} prints one block per source.
 */
public record DataSource(String name, byte[] bytes) {
    public int length() {
        return bytes.length;
    }
}
