package dev.dorsal.engine.filter.check;

import dev.dorsal.engine.filter.parse.SliceRange;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checked filter: names resolved to fields, literals converted to typed constants, every
 * operand typed. Tests ({@link Test}) produce a boolean; values ({@link Value}) produce zero or more
 * values of one field type per packet. The compiler turns this tree into evaluator objects.
 */
public sealed interface Typed {
    /** Comparison operator; {@code all} on the test decides between any-pair and all-pairs semantics. */
    enum Cmp { EQ, NE, GT, GE, LT, LE }

    enum ArithOp { ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, BITWISE_AND }

    sealed interface Test extends Typed {}

    record And(Test left, Test right) implements Test {}

    record Or(Test left, Test right) implements Test {}

    record Not(Test inner) implements Test {}

    /** True when {@code value} has at least one value (a field or protocol is present). */
    record Exists(Value value) implements Test {}

    record Compare(Cmp op, boolean all, Value left, Value right) implements Test {}

    record Contains(boolean all, Value left, Value right) implements Test {}

    record Matches(boolean all, Value left, Pattern pattern) implements Test {}

    /** {@code left in {…}}: each element is a value or an inclusive range. */
    record In(boolean all, boolean negated, Value left, List<Element> elements) implements Test {}

    record Element(Value low, Value high) {}

    /** A bare arithmetic expression used as a test: true when some value is not zero. */
    record NotZero(Value value) implements Test {}

    sealed interface Value extends Typed {
        FieldType type();
    }

    /**
     * The occurrences of a field (every FieldDef registered under {@code abbrev}), optionally only
     * those in some protocol layers. {@code protocolTail}: a protocol's value runs to the end of its
     * data (what {@code contains} and {@code matches} search) instead of the bytes its node covers.
     */
    record Field(String abbrev, List<FieldDef> defs, FieldType type, List<SliceRange> layers,
            boolean protocolTail) implements Value {
        public Field withProtocolTail() {
            return new Field(abbrev, defs, type, layers, true);
        }
    }

    /** A field reference {@code ${f}}: the selected frame's value, which batch mode never has. */
    record Reference(FieldType type) implements Value {}

    record Constant(FieldType type, Object value) implements Value {}

    /** Bytes of {@code base} (converted to bytes first) at {@code ranges}, concatenated. */
    record Slice(Value base, List<SliceRange> ranges) implements Value {
        public FieldType type() { return FieldType.BYTES; }
    }

    record Arith(ArithOp op, Value left, Value right, FieldType type) implements Value {}

    record Negate(Value operand, FieldType type) implements Value {}

    record Call(String function, List<Value> args, FieldType type) implements Value {}
}
