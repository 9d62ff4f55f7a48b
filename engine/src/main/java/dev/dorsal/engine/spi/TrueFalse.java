package dev.dorsal.engine.spi;

/** The two labels of a boolean field, like Wireshark's true_false_string. */
public record TrueFalse(String whenTrue, String whenFalse) {
    public static final TrueFalse SET = new TrueFalse("Set", "Not set");
    public static final TrueFalse TRUE_FALSE = new TrueFalse("True", "False");
    public static final TrueFalse YES_NO = new TrueFalse("Yes", "No");

    public String of(boolean value) {
        return value ? whenTrue : whenFalse;
    }
}
