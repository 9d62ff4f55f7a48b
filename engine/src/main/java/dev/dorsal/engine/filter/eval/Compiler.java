package dev.dorsal.engine.filter.eval;

import dev.dorsal.engine.filter.check.Typed;
import dev.dorsal.engine.filter.function.Abs;
import dev.dorsal.engine.filter.function.CaseFold;
import dev.dorsal.engine.filter.function.Count;
import dev.dorsal.engine.filter.function.Len;
import dev.dorsal.engine.filter.function.MinMax;
import dev.dorsal.engine.filter.function.ToText;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a checked filter into evaluator objects and numbers the fields it reads (slots), so a packet
 * is walked once and each test reads its slot. Common shapes get direct evaluators (presence, an
 * integer-like field against constants); the rest goes through value arrays.
 */
public final class Compiler {
    private final Map<String, Integer> slots = new LinkedHashMap<>();
    private final Set<FieldDef> fields = new LinkedHashSet<>();

    /** The compiled filter: its root test and what a packet view for it needs. */
    public record Program(Test test, int[] slotById, int slotCount, Set<FieldDef> fields) {
        public PacketView newView() {
            return new PacketView(slotById, slotCount);
        }
    }

    public static Program compile(Typed.Test root) {
        Compiler c = new Compiler();
        Test t = root == null ? null : c.test(root);
        int maxId = -1;
        for (FieldDef f : c.fields) {
            maxId = Math.max(maxId, f.id());
        }
        int[] byId = new int[maxId + 1];
        java.util.Arrays.fill(byId, -1);
        Map<String, Integer> slotOf = c.slots;
        for (FieldDef f : c.fields) {
            if (f.id() >= 0) {
                byId[f.id()] = slotOf.get(f.abbrev());
            }
        }
        return new Program(t, byId, c.slots.size(), Set.copyOf(c.fields));
    }

    private int slot(Typed.Field f) {
        fields.addAll(f.defs());
        return slots.computeIfAbsent(f.abbrev(), k -> slots.size());
    }

    // ---- tests ------------------------------------------------------------------------------

    private Test test(Typed.Test t) {
        return switch (t) {
            case Typed.And a -> new Logic.And(test(a.left()), test(a.right()));
            case Typed.Or o -> new Logic.Or(test(o.left()), test(o.right()));
            case Typed.Not n -> new Logic.Not(test(n.inner()));
            case Typed.Exists e -> e.value() instanceof Typed.Field f
                    ? new FieldTests.Exists(slot(f), f.layers())
                    : new Relations.HasValue(operand(e.value()));
            case Typed.Compare c -> compare(c);
            case Typed.Contains c -> new Relations.Contains(operand(c.left()), operand(c.right()),
                    c.left().type(), c.all());
            case Typed.Matches m -> new Relations.Matches(operand(m.left()), m.pattern(), m.left().type(), m.all());
            case Typed.In in -> in(in);
            case Typed.NotZero z -> new Relations.NotZero(operand(z.value()), z.value().type());
        };
    }

    private Test compare(Typed.Compare c) {
        if (c.left() instanceof Typed.Field f && f.layers() == null && !f.protocolTail()
                && ValueReader.isLongType(f.type()) && c.right() instanceof Typed.Constant k
                && k.value() instanceof Long v) {
            return new FieldTests.LongCompare(slot(f), f.type(), c.op(), v, c.all());
        }
        Typed.Cmp op = c.all() ? Comparisons.complement(c.op()) : c.op();
        Comparisons.Predicate p = Comparisons.of(op, c.left().type(), c.right().type());
        return new Relations.Compare(operand(c.left()), operand(c.right()), p, c.all());
    }

    /** {@code not in} is "not (any occurrence in)": tshark 4.0 drops the quantifier there. */
    private Test in(Typed.In in) {
        if (in.negated()) {
            return new Logic.Not(inSet(new Typed.In(false, false, in.left(), in.elements())));
        }
        return inSet(in);
    }

    private Test inSet(Typed.In in) {
        if (in.left() instanceof Typed.Field f && f.layers() == null && ValueReader.isLongType(f.type())
                && allLongConstants(in.elements())) {
            int n = in.elements().size();
            long[] low = new long[n];
            long[] high = new long[n];
            for (int i = 0; i < n; i++) {
                Typed.Element e = in.elements().get(i);
                low[i] = (Long) ((Typed.Constant) e.low()).value();
                high[i] = e.high() == null ? low[i] : (Long) ((Typed.Constant) e.high()).value();
            }
            return new FieldTests.LongIn(slot(f), f.type(), low, high, in.all());
        }
        FieldType lt = in.left().type();
        List<Relations.Element> elements = new ArrayList<>();
        for (Typed.Element e : in.elements()) {
            FieldType rt = e.low().type();
            elements.add(new Relations.Element(operand(e.low()), e.high() == null ? null : operand(e.high()),
                    Comparisons.of(Typed.Cmp.EQ, lt, rt), Comparisons.of(Typed.Cmp.NE, lt, rt),
                    Comparisons.of(Typed.Cmp.GE, lt, rt), Comparisons.of(Typed.Cmp.LE, lt, rt)));
        }
        return new Relations.In(operand(in.left()), elements.toArray(new Relations.Element[0]), in.all());
    }

    private static boolean allLongConstants(List<Typed.Element> elements) {
        for (Typed.Element e : elements) {
            if (!(e.low() instanceof Typed.Constant c && c.value() instanceof Long)) {
                return false;
            }
            if (e.high() != null && !(e.high() instanceof Typed.Constant h && h.value() instanceof Long)) {
                return false;
            }
        }
        return true;
    }

    // ---- operands ---------------------------------------------------------------------------

    private Operand operand(Typed.Value v) {
        return switch (v) {
            case Typed.Field f -> new Operands.Field(slot(f), f.type(), f.layers(), f.protocolTail());
            case Typed.Reference r -> new Operands.Nothing();
            case Typed.Constant c -> new Operands.Constant(c.value());
            case Typed.Slice s -> new Operands.Slice(operand(s.base()), s.base().type(), s.ranges());
            case Typed.Arith a -> new Operands.Arith(a.op(), a.type(), operand(a.left()), operand(a.right()));
            case Typed.Negate n -> new Operands.Negate(n.type(), operand(n.operand()));
            case Typed.Call c -> call(c);
        };
    }

    private Operand call(Typed.Call c) {
        List<Operand> args = new ArrayList<>();
        for (Typed.Value a : c.args()) {
            args.add(operand(a));
        }
        FieldType argType = c.args().get(0).type();
        return switch (c.function()) {
            case "len" -> new Len(args.get(0), argType);
            case "count" -> new Count(args.get(0));
            case "upper" -> new CaseFold(args.get(0), true);
            case "lower" -> new CaseFold(args.get(0), false);
            case "string" -> new ToText(args.get(0), argType);
            case "abs" -> new Abs(args.get(0), c.type());
            case "max" -> MinMax.of(args, c.type(), true);
            default -> MinMax.of(args, c.type(), false);
        };
    }
}
