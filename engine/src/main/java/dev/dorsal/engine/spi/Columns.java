package dev.dorsal.engine.spi;

/**
 * The summary-line columns a dissector writes (Protocol, Info, Source, Destination), with
 * Wireshark's fence: text before the fence survives later set/clear calls, so TCP's analysis prefix
 * or an upper layer's Info is not lost. When {@link #enabled()} is false nobody will read the
 * columns: skip building costly Info strings.
 */
public final class Columns {
    private final boolean enabled;
    private String protocol = "";
    /** Null when disabled: a pass that reads no column (fields, filters, -z) builds one per packet. */
    private final StringBuilder info;
    private int fence;
    private String src;
    private String dst;

    public Columns(boolean enabled) {
        this.enabled = enabled;
        this.info = enabled ? new StringBuilder(64) : null;
    }

    public boolean enabled() { return enabled; }

    public void setProtocol(String p) { protocol = p; }
    public String protocol() { return protocol; }

    /** Replaces Info after the fence. */
    public void setInfo(String text) {
        if (!enabled) {
            return;
        }
        info.setLength(fence);
        info.append(text);
    }

    public void appendInfo(String text) {
        if (enabled) {
            info.append(text);
        }
    }

    /** Appends {@code sep} then {@code text}, leaving out sep when Info after the fence is empty (col_append_sep_str). */
    public void appendInfoSep(String sep, String text) {
        if (!enabled) {
            return;
        }
        if (info.length() > fence || (fence > 0 && info.length() == fence && !endsWithSpace())) {
            info.append(sep);
        }
        info.append(text);
    }

    private boolean endsWithSpace() {
        return info.length() > 0 && info.charAt(info.length() - 1) == ' ';
    }

    /** Puts text before the current Info (col_prepend_fstr). */
    public void prependInfo(String text) {
        if (enabled) {
            info.insert(0, text);
            if (fence > 0) {
                fence += text.length();
            }
        }
    }

    /** Puts text before the current Info and fences everything up to its end (col_prepend_fence_fstr). */
    public void prependInfoFenced(String text) {
        if (enabled) {
            info.insert(0, text);
            fence = Math.max(fence + text.length(), text.length());
        }
    }

    /** Clears Info after the fence. */
    public void clearInfo() {
        if (enabled) {
            info.setLength(fence);
        }
    }

    /** Fences the current Info text (col_set_fence). */
    public void fenceInfo() {
        if (enabled) {
            fence = info.length();
        }
    }

    public String info() { return enabled ? info.toString() : ""; }

    /** Where the Info fence is (0 when none). */
    public int infoFence() { return enabled ? fence : 0; }

    /** Puts back an Info text and fence read earlier, undoing what a dissector wrote since. */
    public void restoreInfo(String text, int fence) {
        if (enabled) {
            info.setLength(0);
            info.append(text);
            this.fence = fence;
        }
    }

    public void setSource(String s) { src = s; }
    public void setDestination(String d) { dst = d; }
    /** Explicit Source column text, or null to use the packet's src address. */
    public String source() { return src; }
    public String destination() { return dst; }
}
