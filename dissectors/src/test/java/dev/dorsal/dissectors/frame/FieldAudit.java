package dev.dorsal.dissectors.frame;

import dev.dorsal.engine.registry.Registry;
import dev.dorsal.engine.spi.Base;
import dev.dorsal.engine.spi.DissectorProvider;
import dev.dorsal.engine.spi.ExpertDef;
import dev.dorsal.engine.spi.FieldDef;
import dev.dorsal.engine.spi.FieldType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkhf-style audit behind {@link FieldRegistrationTest}, run in an {@link Isolated} class
 * loader with every provider on the class path registered: each FieldDef and ExpertDef constant of
 * the link and network layer packages must be registered, named {@code <protocol>.<field>} after the
 * protocol that registered it, not registered twice under one name by different providers, and
 * match tshark 4.0.17's glossary (type, base or boolean width, mask, name) where tshark has the field.
 */
final class FieldAudit {
    private FieldAudit() {}

    static final List<String> PACKAGES = List.of("frame", "eth", "vlan", "sll", "loop", "arp", "ip", "ipv6", "icmp",
            "icmpv6", "data", "ssh", "image", "xml", "ntp", "dhcp", "dhcpv6", "mpls", "gre", "ppp", "vxlan", "llc", "stp",
            "lldp", "ftp", "telnet", "smtp", "quic", "pop", "pppoe", "radius",
            "eap", "syslog", "tftp", "vrrp", "wol", "nbns", "cdp", "sip", "sdp",
            "rtp", "ipsec", "wireguard", "bgp", "ospf", "rip", "gtp", "e212",
            "chdlc", "nflog", "bjnp", "imf", "imap",
            "tpkt", "cotp", "doip", "modbus", "s7comm", "dblsp", "lisp");

    /**
     * Where Dorsal differs from the glossary on purpose: the version fields carry a mask so their
     * label shows the bit picture (tshark draws it with a bits item, FieldDef.bitItem()), and OUI
     * fields may also be plain decimal (-T fields prints them in decimal either way). GRE registers
     * gre.flags.reserved twice, as tshark does: the glossary shows version 0's mask (0xf8), and
     * version 1 (PPTP) uses 0x78 because its acknowledgment bit takes the first reserved bit. The GTP
     * spare bits tshark draws with bit items carry the mask of the bits they show.
     */
    private static final Set<String> MASK_EXCEPTIONS = Set.of("ip.version", "ipv6.version", "gre.flags.reserved",
            "gtp.ext_hdr.spare_bits", "gtpv2.spare_half_octet", "gtpv2.spare_bits");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.\\-]*[a-z0-9]");

    private record Glossary(String ftype, String base, long mask, String name) {}

    /** "checked N" followed by one line per problem. */
    static List<String> audit(String coreGlossary, String extraGlossary) throws Exception {
        Map<String, Glossary> tshark = new HashMap<>();
        for (String g : List.of(coreGlossary, extraGlossary)) {
            for (String line : Files.readAllLines(Path.of(g))) {
                String[] c = line.split("\t", -1);
                tshark.putIfAbsent(c[1], new Glossary(c[2], c[3], Long.decode(c[4]), c[5]));
            }
        }
        List<DissectorProvider> providers = new ArrayList<>();
        ServiceLoader.load(DissectorProvider.class, FieldAudit.class.getClassLoader()).forEach(providers::add);
        Registry registry = new Registry();
        registry.install(providers);

        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (FieldDef f : ownFields()) {
            checked++;
            String a = f.abbrev();
            if (f.id() < 0) {
                problems.add(a + ": declared but not registered");
                continue;
            }
            String proto = f.protocolFilterName();
            // A name in tshark's glossary is taken as it is (image-jfif.Xdensity, gif.data_block_type.unknown
            // under image-gif); the style checks are for the names Dorsal makes up.
            boolean tsharks = tshark.containsKey(a);
            if (!tsharks && (!NAME.matcher(a).matches() || a.contains("._") || a.contains("_."))) {
                problems.add(a + ": not a valid filter name");
            }
            int times = REGISTERED_SEVERAL_TIMES_BY_TSHARK.getOrDefault(a, 1);
            if (!tsharks && !a.equals(proto) && !a.startsWith(proto + ".") && times == 1) {
                problems.add(a + ": registered by protocol " + proto + " but not named after it");
            }
            List<FieldDef> same = registry.fields().lookup(a);
            if (same.size() > times) {
                problems.add(a + ": registered " + same.size() + " times");
            }
            Glossary g = tshark.get(a);
            if (g != null && f.type() != FieldType.PROTOCOL) {
                compare(f, g, problems);
            }
        }
        problems.add(0, "checked " + checked);
        return problems;
    }

    /**
     * Names tshark 4.0.17 registers more than once (its glossary lists the first), with how often:
     * IPv4's {@code ip.version} bit item and IPv6's masked, hidden {@code ip.version}; SSH's message code
     * with one value table per message family; SSH's channel request name under the global request's;
     * GRE's reserved flags, masked for version 0 and for PPTP's version 1; GTPv2's message priority flag
     * and the priority nibble it announces; GTP's reserved flags of versions 0 and 1; GTPv2's spare bits
     * of four and five bits; GTP's malformed-length expert, an error and a warning; COTP's credit, 16
     * bits in the flow control parameter and the 4-bit CDT of AK and RJ TPDUs.
     */
    private static final Map<String, Integer> REGISTERED_SEVERAL_TIMES_BY_TSHARK = Map.ofEntries(
            Map.entry("ip.version", 2), Map.entry("ssh.message_code", 5), Map.entry("ssh.global_request_name", 2),
            Map.entry("ssh.global_request_name_length", 2), Map.entry("gre.flags.reserved", 2),
            Map.entry("llc.control.p", 2), Map.entry("llc.control.f", 2), Map.entry("llc.control.ftype", 3),
            Map.entry("mstp.config_format_selector", 2), Map.entry("mstp.config_name", 2),
            Map.entry("mstp.config_revision_level", 2), Map.entry("mstp.config_digest", 2), Map.entry("gtpv2.mp", 2),
            Map.entry("gtp.flags.reserved", 2), Map.entry("gtpv2.spare_bits", 2),
            Map.entry("gtp.ext_length.invalid", 2), Map.entry("cotp.credit", 2));

    /**
     * The shapes of tshark's repeated registrations that its glossary does not list (it shows the
     * first): LLC's poll/final bits and frame type over the 16-bit control of I and S frames, GTPv2's
     * message priority nibble, GTP version 1's reserved bit; COTP's CDT.
     */
    private static final Set<String> OTHER_SHAPES = Set.of("gtpv2.mp FT_UINT8 BASE_HEX_DEC 0xf0",
            "gtp.flags.reserved FT_UINT8 BASE_DEC 0x8",
            "llc.control.p FT_BOOLEAN 16 0x100",
            "llc.control.f FT_BOOLEAN 16 0x100", "llc.control.ftype FT_UINT8 BASE_HEX 0x3",
            "llc.control.ftype FT_UINT16 BASE_HEX 0x3", "cotp.credit FT_UINT8 BASE_DEC 0x0");

    /** Other labels tshark gives the repeated registrations of a name (the glossary shows one). */
    private static final Map<String, String> OTHER_NAMES = Map.of("ssh.global_request_name", "Channel request name",
            "ssh.global_request_name_length", "Channel request name length",
            "mstp.config_format_selector", "SPT Config ID format selector", "mstp.config_name", "SPT Config name",
            "mstp.config_revision_level", "SPT Config revision", "mstp.config_digest", "SPT Config digest",
            "gtpv2.mp", "Message Priority");

    private static void compare(FieldDef f, Glossary g, List<String> problems) {
        String a = f.abbrev();
        String shape = a + " FT_" + f.type().name() + " "
                + (f.type() == FieldType.BOOLEAN ? Integer.toString(f.bitWidth()) : "BASE_" + f.base().name())
                + " 0x" + Long.toHexString(f.mask());
        if (OTHER_SHAPES.contains(shape)) {
            return;
        }
        String ftype = "FT_" + f.type().name();
        if (!ftype.equals(g.ftype())) {
            problems.add(a + ": type " + ftype + ", tshark " + g.ftype());
        }
        if (f.type() == FieldType.BOOLEAN) {
            String width = Integer.toString(f.bitWidth());
            if (!width.equals(g.base())) {
                problems.add(a + ": boolean width " + width + ", tshark " + g.base());
            }
        } else if (f.type().isInteger()) {
            String base = "BASE_" + f.base().name();
            String want = g.base().isEmpty() ? "BASE_NONE" : g.base();
            boolean oui = want.equals("BASE_OUI") && (f.base() == Base.DEC || f.base() == Base.OUI);
            if (!base.equals(want) && !oui) {
                problems.add(a + ": base " + base + ", tshark " + g.base());
            }
        }
        if (f.mask() != g.mask() && !MASK_EXCEPTIONS.contains(a)) {
            problems.add(a + ": mask 0x" + Long.toHexString(f.mask()) + ", tshark 0x" + Long.toHexString(g.mask()));
        }
        if (!f.name().equals(g.name()) && !f.name().equals(OTHER_NAMES.get(a))) {
            problems.add(a + ": name \"" + f.name() + "\", tshark \"" + g.name() + "\"");
        }
    }

    /** Every static FieldDef and ExpertDef constant of the classes in {@link #PACKAGES}. */
    static List<FieldDef> ownFields() throws Exception {
        Path classes = Path.of(FrameDissector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<FieldDef> out = new ArrayList<>();
        for (String p : PACKAGES) {
            Path dir = classes.resolve("dev/dorsal/dissectors/" + p);
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(f -> f.toString().endsWith(".class")).sorted().toList();
            }
            for (Path file : files) {
                String name = "dev.dorsal.dissectors." + p + "." + file.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName(name, true, FieldAudit.class.getClassLoader());
                for (Field fld : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(fld.getModifiers())) {
                        continue;
                    }
                    if (fld.getType() == FieldDef.class) {
                        fld.setAccessible(true);
                        out.add((FieldDef) fld.get(null));
                    } else if (fld.getType() == ExpertDef.class) {
                        fld.setAccessible(true);
                        out.add(((ExpertDef) fld.get(null)).field());
                    }
                }
            }
        }
        return out;
    }
}
