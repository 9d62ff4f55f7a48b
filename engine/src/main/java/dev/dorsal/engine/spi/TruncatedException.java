package dev.dorsal.engine.spi;

/** A read past the captured bytes but within the reported length: the capture was cut by the snaplen. */
public final class TruncatedException extends BoundsException {
    public TruncatedException(String message) {
        super(message);
    }
}
