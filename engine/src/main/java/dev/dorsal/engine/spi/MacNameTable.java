package dev.dorsal.engine.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MAC address names of the Wireshark installation on this machine, read from its own data files
 * the way tshark reads them: {@code ethers} (exact names), {@code wka} (well-known addresses and
 * ranges) and {@code manuf} (vendor prefixes). Dorsal ships no such data (Wireshark's files are GPL);
 * without an installation, addresses print as plain hex except the few {@link EtherNames} knows.
 *
 * <p>Where the files are: {@code -Ddorsal.wiresharkData=DIR} or {@code DORSAL_WIRESHARK_DATA=DIR}
 * (the directory holding {@code manuf}; {@code none} turns names off), else the usual install
 * directories. {@code ethers} is read from {@code /etc/ethers} and the personal configuration
 * directory ({@code WIRESHARK_CONFIG_DIR} or {@code ~/.config/wireshark}).
 *
 * <p>Lookup, as tshark 4.0 resolves (-N m): an exact entry; else the address cut to 47, 46, … 24 bits
 * against the ranges of {@code wka} and the 28/36-bit blocks of {@code manuf} (a range matches when
 * the cut address equals its first address), named {@code Name_} plus the bytes after the cut, the
 * first of them masked; else the 24-bit vendor prefix ({@code Vendor_xx:xx:xx}); else the cut to
 * 23 … 8 bits against the ranges. Results are cached (bounded).
 */
final class MacNameTable {
    private static final List<Path> INSTALL_DIRS = List.of(Path.of("/usr/share/wireshark"),
            Path.of("/usr/local/share/wireshark"), Path.of("/opt/homebrew/share/wireshark"),
            Path.of("/Applications/Wireshark.app/Contents/Resources/share/wireshark"));
    private static final int CACHE_LIMIT = 1 << 16;

    private final Map<Long, String> exact = new HashMap<>();
    /** First address of each range, keyed by that address (tshark keys its ranges the same way). */
    private final Map<Long, String> ranges = new HashMap<>();
    /** 24-bit vendor prefixes: short name and full name. */
    private final Map<Integer, String[]> vendors = new HashMap<>();
    private final Map<Long, String> cache = new HashMap<>();

    private static final class Holder {
        static final MacNameTable TABLE = load();
    }

    /** The table of this machine's Wireshark installation (empty without one), loaded on first use. */
    static MacNameTable get() {
        return Holder.TABLE;
    }

    static MacNameTable load() {
        MacNameTable t = new MacNameTable();
        String configured = System.getProperty("dorsal.wiresharkData", System.getenv("DORSAL_WIRESHARK_DATA"));
        if ("none".equals(configured)) {
            return t;
        }
        Path dir = configured != null ? Path.of(configured) : INSTALL_DIRS.stream()
                .filter(d -> Files.isRegularFile(d.resolve("manuf"))).findFirst().orElse(null);
        if (dir != null) {
            t.read(dir.resolve("manuf"), false);
            t.read(dir.resolve("wka"), false);
        }
        if (configured == null) {
            t.read(Path.of("/etc/ethers"), true);
            String personal = System.getenv("WIRESHARK_CONFIG_DIR");
            Path home = personal != null ? Path.of(personal)
                    : Path.of(System.getProperty("user.home", "/"), ".config", "wireshark");
            t.read(home.resolve("ethers"), true);
        } else {
            t.read(dir.resolve("ethers"), true);
        }
        return t;
    }

    /** Reads one file; a missing or unreadable file adds nothing (tshark is as quiet about it). */
    void read(Path file, boolean ethers) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return; // names are a convenience: without the file, addresses print as hex
        }
        // Parsed by hand: manuf has some 50,000 lines and a run that names one address pays for all.
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i > start && bytes[start] != '#') {
                    add(new String(bytes, start, i - start, StandardCharsets.ISO_8859_1), ethers);
                }
                start = i + 1;
            }
        }
    }

    /** One line: {@code ADDRESS[/BITS] NAME [LONG NAME] [# comment]}, fields separated by white space. */
    void add(String line, boolean ethers) {
        int end = line.indexOf('#');
        if (end < 0) {
            end = line.length();
        }
        int pos = 0;
        long value = 0;
        int bytesRead = 0;
        int digits = 0;
        int current = 0;
        // The address: up to six hex bytes separated by ':', '-' or '.'.
        for (; pos < end; pos++) {
            char c = line.charAt(pos);
            int d = Character.digit(c, 16);
            if (d >= 0) {
                if (++digits > 2) {
                    return;
                }
                current = current << 4 | d;
            } else if ((c == ':' || c == '-' || c == '.') && digits > 0 && bytesRead < 5) {
                value = value << 8 | current;
                bytesRead++;
                digits = 0;
                current = 0;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return;
        }
        value = value << 8 | current;
        bytesRead++;
        int bits = -1;
        if (pos < end && line.charAt(pos) == '/') {
            int b = 0;
            int n = 0;
            for (pos++; pos < end && Character.isDigit(line.charAt(pos)); pos++, n++) {
                b = b * 10 + (line.charAt(pos) - '0');
            }
            if (n == 0 || n > 2) {
                return;
            }
            bits = b;
        }
        if (bytesRead < 3 || pos >= end || !Character.isWhitespace(line.charAt(pos))) {
            return;
        }
        value <<= 8 * (6 - bytesRead);
        // The short name, then (manuf) the full name up to the comment.
        while (pos < end && Character.isWhitespace(line.charAt(pos))) {
            pos++;
        }
        int nameStart = pos;
        while (pos < end && !Character.isWhitespace(line.charAt(pos))) {
            pos++;
        }
        if (pos == nameStart) {
            return;
        }
        String name = line.substring(nameStart, pos);
        if (ethers) {
            exact.put(value, name); // the user's own names win over the installation's
        } else if (bytesRead == 6 && bits < 0) {
            exact.putIfAbsent(value, name);
        } else if (bytesRead == 3 && bits < 0) {
            String full = line.substring(pos, end).strip();
            vendors.putIfAbsent((int) (value >>> 24), new String[] {name, full.isEmpty() ? name : full});
        } else {
            int b = bits < 0 ? bytesRead * 8 : bits;
            if (b >= 8 && b <= 48) {
                ranges.putIfAbsent(value & mask(b), name);
            }
        }
    }

    private static long mask(int bits) {
        return bits == 0 ? 0 : (0xFFFF_FFFF_FFFFL << (48 - bits)) & 0xFFFF_FFFF_FFFFL;
    }

    boolean isEmpty() {
        return exact.isEmpty() && ranges.isEmpty() && vendors.isEmpty();
    }

    /** The name tshark shows for {@code mac}, or null when it has none. */
    synchronized String name(long mac) {
        String hit = cache.get(mac);
        if (hit == null && !cache.containsKey(mac)) {
            hit = lookup(mac);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(mac, hit);
        }
        return hit;
    }

    /** The full vendor name of the 24-bit prefix (eth.src.oui_resolved), or null. */
    String vendor(int oui) {
        String[] v = vendors.get(oui);
        return v == null ? null : v[1];
    }

    private String lookup(long mac) {
        String name = exact.get(mac);
        if (name != null) {
            return name;
        }
        String r = ranged(mac, 47, 24);
        if (r != null) {
            return r;
        }
        // The vendor prefix is looked up with the group bit cleared: a vendor's multicast keeps its name.
        String[] v = vendors.get((int) (mac >>> 24) & 0xFEFFFF);
        if (v != null) {
            return v[0] + "_" + tail(mac, 3, 0xff);
        }
        return ranged(mac, 23, 8);
    }

    /** Tries the cuts from {@code high} down to {@code low} bits. */
    private String ranged(long mac, int high, int low) {
        if (ranges.isEmpty()) {
            return null;
        }
        for (int bits = high; bits >= low; bits--) {
            String name = ranges.get(mac & mask(bits));
            if (name != null) {
                int whole = bits / 8;
                return name + "_" + tail(mac, 6 - whole, 0xff >>> (bits % 8));
            }
        }
        return null;
    }

    /** The last {@code count} bytes as hex, the first of them masked with {@code firstMask}. */
    private static String tail(long mac, int count, int firstMask) {
        StringBuilder sb = new StringBuilder(count * 3);
        for (int i = count - 1; i >= 0; i--) {
            int b = (int) (mac >>> (8 * i)) & 0xff;
            if (i == count - 1) {
                b &= firstMask;
            }
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
