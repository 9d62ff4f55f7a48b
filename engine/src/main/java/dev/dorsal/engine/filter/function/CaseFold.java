package dev.dorsal.engine.filter.function;

import dev.dorsal.engine.filter.eval.Operand;
import dev.dorsal.engine.filter.eval.PacketView;

/** {@code upper(s)} and {@code lower(s)}: ASCII letters changed, everything else kept. */
public record CaseFold(Operand field, boolean upper) implements Operand {
    @Override
    public Object[] values(PacketView p) {
        Object[] in = field.values(p);
        Object[] out = new Object[in.length];
        for (int i = 0; i < in.length; i++) {
            String s = (String) in[i];
            StringBuilder b = new StringBuilder(s.length());
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (upper && c >= 'a' && c <= 'z') {
                    c -= 32;
                } else if (!upper && c >= 'A' && c <= 'Z') {
                    c += 32;
                }
                b.append(c);
            }
            out[i] = b.toString();
        }
        return out;
    }
}
