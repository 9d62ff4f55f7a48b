package dev.dorsal.engine.filter.lex;

import java.nio.charset.StandardCharsets;

/**
 * Reads the value of a character constant such as {@code 'A'}, {@code '\x0a'} or {@code '\012'},
 * with tshark 4.0's messages. Like 4.0, {@code '\n'} is refused as "too long" (a bug there; kept so
 * errors match).
 */
final class CharConstants {
    record Result(long value, String error) {}

    private CharConstants() {}

    /** Parses {@code text}, the token including its quotes. */
    static Result parse(String text) {
        String body = text.substring(1, text.length() - 1);
        if (body.isEmpty()) {
            return new Result(0, "Empty character constant.");
        }
        String tooLong = "'" + body + "' is too long to be a valid character constant.";
        if (body.charAt(0) != '\\') {
            byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
            long v = utf8[0]; // signed, as C's char
            if (v < 0x20 || v > 0x7e) {
                return new Result(0, "Non-printable value '0x" + Long.toHexString(v) + "' in character constant.");
            }
            return body.length() > 1 ? new Result(0, tooLong) : new Result(v, null);
        }
        char e = body.length() > 1 ? body.charAt(1) : 0;
        int used = 2;
        long v;
        switch (e) {
            case 'a' -> v = 7;
            case 'b' -> v = 8;
            case 'f' -> v = 12;
            case 'r' -> v = 13;
            case 't' -> v = 9;
            case 'v' -> v = 11;
            case '\\', '\'', '"' -> v = e;
            case 'n' -> {
                return new Result(0, tooLong);
            }
            case 'x' -> {
                int end = 2;
                while (end < body.length() && end < 4 && Lexer.isHex(body.charAt(end))) {
                    end++;
                }
                if (end == 2) {
                    return new Result(0, "'" + body + "' isn't a valid character constant.");
                }
                v = Long.parseLong(body.substring(2, end), 16);
                used = end;
            }
            default -> {
                if (e < '0' || e > '7') {
                    return new Result(0, "'" + body + "' isn't a valid character constant.");
                }
                int end = 1;
                while (end < body.length() && end < 4 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                    end++;
                }
                v = Long.parseLong(body.substring(1, end), 8);
                if (v > 0xff) {
                    return new Result(0, "'" + body + "' is too large to be a valid character constant.");
                }
                used = end;
            }
        }
        return used < body.length() ? new Result(0, tooLong) : new Result(v, null);
    }
}
