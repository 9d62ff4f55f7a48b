package dev.dorsal.engine.filter.function;

import dev.dorsal.engine.filter.eval.Operand;
import dev.dorsal.engine.filter.eval.PacketView;

/** {@code count(f)}: how many occurrences the field has; no value when it has none. */
public record Count(Operand field) implements Operand {
    @Override
    public Object[] values(PacketView p) {
        int n = field.values(p).length;
        return n == 0 ? NONE : new Object[] {(long) n};
    }
}
