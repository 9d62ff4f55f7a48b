package dev.dorsal.engine.filter.eval;

/** The logical connectives, evaluated left to right with short-circuit. */
public final class Logic {
    private Logic() {}

    public record And(Test left, Test right) implements Test {
        @Override
        public boolean test(PacketView p) {
            return left.test(p) && right.test(p);
        }
    }

    public record Or(Test left, Test right) implements Test {
        @Override
        public boolean test(PacketView p) {
            return left.test(p) || right.test(p);
        }
    }

    public record Not(Test inner) implements Test {
        @Override
        public boolean test(PacketView p) {
            return !inner.test(p);
        }
    }
}
