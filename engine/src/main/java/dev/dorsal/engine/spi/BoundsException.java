package dev.dorsal.engine.spi;

/**
 * Thrown by {@link Tvb} reads beyond the data. Dissectors let it propagate; the driver catches it at
 * the dissector call and marks the packet, as Wireshark does with its tvb exceptions.
 */
public abstract sealed class BoundsException extends RuntimeException
        permits TruncatedException, MalformedException {
    protected BoundsException(String message) {
        super(message, null, false, false);
    }
}
