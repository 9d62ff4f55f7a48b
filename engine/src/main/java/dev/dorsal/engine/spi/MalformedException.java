package dev.dorsal.engine.spi;

/** A read past the reported length, or a value the protocol forbids: the packet itself is malformed. */
public final class MalformedException extends BoundsException {
    public MalformedException(String message) {
        super(message);
    }
}
