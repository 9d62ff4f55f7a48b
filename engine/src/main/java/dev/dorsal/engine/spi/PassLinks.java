package dev.dorsal.engine.spi;

/**
 * What an earlier pass over the capture learned that a single pass cannot know yet (tshark -2): links
 * to later frames ("this query was answered in frame 8") and end-of-capture facts ("this TCP stream
 * ended complete"). A dissector {@link #learn}s on every dissection and {@link #recall}s when it builds
 * its tree; in a single pass, and in the first pass of two, {@code recall} knows nothing.
 *
 * <p>Kinds are the dissector's own names, by convention its field's filter name ({@code dns.response_in});
 * keys are usually frame numbers (or stream indexes). Values are never 0: 0 means "not learned".
 */
public interface PassLinks {
    /** Records that {@code kind} of {@code key} is {@code value} (first pass only; ignored otherwise). */
    void learn(String kind, long key, long value);

    /** What the first pass learned for {@code kind} of {@code key}, or 0 (nothing, or not a second pass). */
    long recall(String kind, long key);

    /** Whether this is the second pass of a two-pass dissection (tshark -2). */
    boolean secondPass();

    /** Whether this is the first pass of two: what is learned now will be recalled by the second. */
    default boolean learning() {
        return false;
    }

    /**
     * Records a whole object a second pass needs, such as a dissector's end-of-capture state of one
     * conversation (first pass only; ignored otherwise). The object is handed over as is, so it must
     * not be changed by the second pass in ways the first pass's later frames would not have.
     */
    default void learnObject(String kind, long key, Object value) {}

    /** What the first pass learned with {@link #learnObject}, or null (nothing, or not a second pass). */
    default Object recallObject(String kind, long key) {
        return null;
    }

    /** Single pass: learns nothing, recalls nothing. */
    PassLinks NONE = new PassLinks() {
        @Override
        public void learn(String kind, long key, long value) {}

        @Override
        public long recall(String kind, long key) {
            return 0;
        }

        @Override
        public boolean secondPass() {
            return false;
        }
    };
}
