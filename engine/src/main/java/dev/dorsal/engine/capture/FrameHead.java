package dev.dorsal.engine.capture;

/**
 * What a capture record says about a frame, without its bytes: {@link CaptureReader#peek} gives this
 * and the frame's first bytes, for consumers that decide from the headers alone whether they need the
 * whole frame. A reader fills the same one for every frame it peeks (one object per frame was a third
 * of the garbage of a pass through the flow shortcut), so it is read before the reader moves on.
 */
public final class FrameHead {
    private long number;
    private long fileOffset;
    private int linkType;
    private int interfaceId;
    private long timestampNanos;
    private int originalLength;
    private int capturedLength;

    FrameHead set(long number, long fileOffset, int linkType, int interfaceId, long timestampNanos, int originalLength,
            int capturedLength) {
        this.number = number;
        this.fileOffset = fileOffset;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
        this.timestampNanos = timestampNanos;
        this.originalLength = originalLength;
        this.capturedLength = capturedLength;
        return this;
    }

    public long number() { return number; }

    public long fileOffset() { return fileOffset; }

    public int linkType() { return linkType; }

    public int interfaceId() { return interfaceId; }

    public long timestampNanos() { return timestampNanos; }

    public int originalLength() { return originalLength; }

    public int capturedLength() { return capturedLength; }
}
