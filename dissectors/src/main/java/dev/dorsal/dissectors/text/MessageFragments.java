package dev.dorsal.dissectors.text;

import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.ProtoItem;
import dev.dorsal.engine.spi.Tvb;
import java.util.List;

/**
 * The list of frames a text protocol joined into one message (SMTP's and POP's DATA), as tshark's
 * reassembly shows it in the frame that completes the message:
 *
 * <pre>
 * [2 DATA fragments (84 bytes): #20(57), #21(27)]
 *     [Frame: 20, payload: 0-56 (57 bytes)]
 *     [Frame: 21, payload: 57-83 (27 bytes)]
 *     [DATA fragment count: 2]
 *     [Reassembled DATA length: 84]
 * </pre>
 */
public final class MessageFragments {
    private MessageFragments() {}

    /** One joined frame: its number and how many bytes it gave. */
    public record Fragment(long frame, int length) {}

    /** The protocol's fields for the list, its entries, their count and the joined length. */
    public record Fields(FieldDef fragments, FieldDef fragment, FieldDef count, FieldDef length) {}

    /** Adds the generated list below {@code parent}, over no bytes of {@code tvb}. */
    public static void show(ProtoItem parent, Fields f, List<Fragment> frags, Tvb tvb) {
        long total = 0;
        StringBuilder sb = new StringBuilder();
        for (Fragment p : frags) {
            sb.append(sb.isEmpty() ? "" : ", ").append('#').append(p.frame()).append('(').append(p.length()).append(')');
            total += p.length();
        }
        ProtoItem list = parent.add(f.fragments(), tvb, 0, 0);
        list.setGenerated();
        list.setText(frags.size() + " DATA fragment" + (frags.size() == 1 ? "" : "s") + " (" + total + " byte"
                + (total == 1 ? "" : "s") + "): " + sb);
        long at = 0;
        for (Fragment p : frags) {
            ProtoItem fi = list.addUint(f.fragment(), tvb, 0, 0, p.frame());
            fi.setGenerated();
            fi.setText("Frame: " + p.frame() + ", payload: " + at + "-" + (at + p.length() - 1) + " (" + p.length()
                    + " byte" + (p.length() == 1 ? "" : "s") + ")");
            at += p.length();
        }
        list.addUint(f.count(), tvb, 0, 0, frags.size()).setGenerated();
        list.addUint(f.length(), tvb, 0, 0, total).setGenerated();
    }
}
