package dev.dorsal.engine.live;

import dev.dorsal.engine.live.LiveCaptureException.Kind;
import org.pcap4j.core.PcapNativeException;

/**
 * Turns libpcap's failures into messages that say what is missing: dumpcap's sentences for the
 * failures it names (no device, no permission, bad filter), and for a missing library, what to install.
 */
final class LiveErrors {
    /** libpcap's status codes from pcap_activate (pcap/pcap.h). */
    private static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    private static final int PCAP_ERROR_PERM_DENIED = -8;
    private static final int PCAP_ERROR_PROMISC_PERM_DENIED = -11;
    private static final String COMPILE_PREFIX = "Error occurred in pcap_compile: ";

    private LiveErrors() {}

    /** libpcap or JNA did not load: name the library and how to get it. */
    static LiveCaptureException noLibpcap(Throwable cause) {
        String reason = firstLine(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        if (reason.endsWith(":")) {
            reason = reason.substring(0, reason.length() - 1); // JNA's first line ends where its list of tried paths begins
        }
        return new LiveCaptureException(Kind.NO_LIBPCAP,
                "Live capture needs libpcap, which could not be loaded (" + reason + ").\n"
                        + "Install it (Debian and Ubuntu: apt-get install libpcap0.8; Fedora: dnf install libpcap)"
                        + " and try again.", cause);
    }

    /** A device that would not open. */
    static LiveCaptureException open(String device, PcapNativeException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? null : e.getMessage().strip();
        Integer rc = e.getReturnCode();
        if (rc != null && rc == PCAP_ERROR_NO_SUCH_DEVICE) {
            return new LiveCaptureException(Kind.NO_SUCH_DEVICE, "There is no device named \"" + device + "\".\n("
                    + (detail == null ? "No such device exists" : detail) + ")", e);
        }
        if (rc != null && (rc == PCAP_ERROR_PERM_DENIED || rc == PCAP_ERROR_PROMISC_PERM_DENIED)) {
            return new LiveCaptureException(Kind.NO_PERMISSION, "You do not have permission to capture on device \""
                    + device + "\".\n(" + (detail == null ? "Permission denied" : detail) + ")\n"
                    + "Please check to make sure you have sufficient permissions.\n\n"
                    + "Capturing needs root, or the CAP_NET_RAW and CAP_NET_ADMIN capabilities on the Java binary"
                    + " that runs Dorsal:\n\n    sudo setcap cap_net_raw,cap_net_admin=eip " + javaBinary(), e);
        }
        return new LiveCaptureException(Kind.FAILED, "The capture session could not be initiated on capture device \""
                + device + "\".\n(" + (detail == null ? "libpcap error " + rc : detail) + ")", e);
    }

    /** A capture filter libpcap could not compile. */
    static LiveCaptureException badFilter(String device, String filter, PcapNativeException e) {
        String why = e.getMessage() == null ? "" : e.getMessage();
        if (why.startsWith(COMPILE_PREFIX)) {
            why = why.substring(COMPILE_PREFIX.length());
        }
        return new LiveCaptureException(Kind.BAD_FILTER, "Invalid capture filter \"" + filter + "\" for interface '"
                + device + "'.\n\nThat string isn't a valid capture filter (" + why.strip() + ").\n"
                + "See the User's Guide for a description of the capture filter syntax.", e);
    }

    /** A failure while packets were being read. */
    static LiveCaptureException whileCapturing(String device, Exception e) {
        return new LiveCaptureException(Kind.FAILED, "Error while capturing packets: " + e.getMessage()
                + "\n(capture device \"" + device + "\")", e);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("$JAVA_HOME/bin/java");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
