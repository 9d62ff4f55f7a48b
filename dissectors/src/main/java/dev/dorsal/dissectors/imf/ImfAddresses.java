package dev.dorsal.dissectors.imf;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;

/**
 * Splits address headers as tshark 4.0.17 does, which is simpler than RFC 5322's grammar: a list is cut
 * at every comma (quotes and comments are not looked at), an item holding a colon is a group whose
 * display name stops one byte before the colon, and a mailbox is the text between {@code <} and
 * {@code >} with the display name before it (one byte short of the bracket), or the whole item.
 *
 * <pre>
 * To: Alice &lt;a@example.org&gt;, team: b@example.org;
 *     Item: Alice &lt;a@example.org&gt;    Display-Name: Alice, Address: a@example.org
 *     Item:  team: b@example.org;\r\n  Display-Name:  tea, 1 item (Item: b@example.org;\r\n)
 * </pre>
 */
final class ImfAddresses {
    private ImfAddresses() {}

    /** A comma-separated list of addresses (groups allowed) below {@code item}, counted in its label. */
    static void addressList(Tvb tvb, int off, int len, ProtoItem item) {
        list(tvb, off, len, item, ImfFields.ADDRESS_LIST_ITEM, true);
    }

    /** A comma-separated list of mailboxes below {@code item}, counted in its label. */
    static void mailboxList(Tvb tvb, int off, int len, ProtoItem item) {
        list(tvb, off, len, item, ImfFields.MAILBOX_LIST_ITEM, false);
    }

    private static void list(Tvb tvb, int off, int len, ProtoItem item, FieldDef itemField, boolean groups) {
        int itemOff = off;
        int count = 0;
        int end;
        do {
            end = ImfText.find(tvb, itemOff, len - (itemOff - off), ',');
            count++;
            int itemLen = (end == -1 ? off + len : end) - itemOff;
            ProtoItem it = ImfText.string(item, itemField, tvb, itemOff, itemLen);
            if (groups) {
                address(tvb, itemOff, itemLen, it);
            } else {
                mailbox(tvb, itemOff, itemLen, it);
            }
            if (end != -1) {
                itemOff = end + 1;
            }
        } while (end != -1);
        item.appendText(", " + count + " item" + (count == 1 ? "" : "s"));
    }

    /** One address: a group (display name, then its mailboxes unless it is empty) or a mailbox. */
    static void address(Tvb tvb, int off, int len, ProtoItem item) {
        int colon = ImfText.find(tvb, off, len, ':');
        if (colon == -1) {
            mailbox(tvb, off, len, item);
            return;
        }
        ProtoItem group = ImfText.string(item, ImfFields.DISPLAY_NAME, tvb, off, colon - off - 1);
        int p = colon + 1;
        while (p < off + len && ImfText.space(tvb.u8(p))) {
            p++;
        }
        if (tvb.u8(p) != ';') {
            mailboxList(tvb, p, len - (p - off), group);
        }
    }

    /** One mailbox: the address between angle brackets and the display name before them, or all of it. */
    static void mailbox(Tvb tvb, int off, int len, ProtoItem item) {
        int open = ImfText.find(tvb, off, len, '<');
        if (open == -1) {
            ImfText.string(item, ImfFields.ADDRESS, tvb, off, len);
            return;
        }
        while (off < open && ImfText.space(tvb.u8(off))) {
            off++;
        }
        if (off != open) {
            ImfText.string(item, ImfFields.DISPLAY_NAME, tvb, off, open - off - 1);
        }
        // tshark measures the search from the start after its blanks were skipped, so it may run on
        int close = ImfText.find(tvb, open + 1, len - (open + 1 - off), '>');
        if (close != -1) {
            ImfText.string(item, ImfFields.ADDRESS, tvb, open + 1, close - open - 1);
        }
    }
}
