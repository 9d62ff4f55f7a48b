package dev.dorsal.engine.capture;

/**
 * What a capture record says about a frame, without its bytes: {@link CaptureReader#peek} gives this
 * and the frame's first bytes, for consumers that decide from the headers alone whether they need the
 * whole frame.
 */
public record FrameHead(long number, long fileOffset, int linkType, int interfaceId, long timestampNanos,
        int originalLength, int capturedLength) {}
