package dev.dorsal.engine.live;

/**
 * A capture that cannot start or go on. {@link #getMessage()} is the full text for the user, in
 * tshark's words where tshark has them (after its "tshark: " prefix), with the cause libpcap gave.
 */
public class LiveCaptureException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Kind {
        /** libpcap (or JNA) could not be loaded: live capture is not possible on this machine as set up. */
        NO_LIBPCAP,
        /** The device does not exist. */
        NO_SUCH_DEVICE,
        /** Not allowed to capture: not root, and no CAP_NET_RAW/CAP_NET_ADMIN. */
        NO_PERMISSION,
        /** The BPF capture filter does not compile. */
        BAD_FILTER,
        /** Any other failure libpcap reported, while opening or while capturing. */
        FAILED
    }

    private final Kind kind;

    public LiveCaptureException(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
