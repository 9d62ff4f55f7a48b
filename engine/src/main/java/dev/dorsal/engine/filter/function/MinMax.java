package dev.dorsal.engine.filter.function;

import dev.dorsal.engine.filter.check.Typed.Cmp;
import dev.dorsal.engine.filter.eval.Comparisons;
import dev.dorsal.engine.filter.eval.Operand;
import dev.dorsal.engine.filter.eval.PacketView;
import dev.dorsal.engine.spi.FieldType;
import java.util.List;

/** {@code max(…)} and {@code min(…)} over every value of every argument (arguments without values are skipped). */
public record MinMax(List<Operand> args, Comparisons.Predicate greater) implements Operand {
    public static MinMax of(List<Operand> args, FieldType type, boolean max) {
        return new MinMax(args, Comparisons.of(max ? Cmp.GT : Cmp.LT, type, type));
    }

    @Override
    public Object[] values(PacketView p) {
        Object best = null;
        for (Operand a : args) {
            for (Object v : a.values(p)) {
                if (best == null || greater.test(v, best)) {
                    best = v;
                }
            }
        }
        return best == null ? NONE : new Object[] {best};
    }
}
