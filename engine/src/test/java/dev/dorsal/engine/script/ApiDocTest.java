package dev.dorsal.engine.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.junit.jupiter.api.Test;

/**
 * docs/js-api.md is checked against the code: every global, static member and method or attribute of
 * the script API (enumerated in a live context) and every exported method of the Java façade appears
 * in it, and every façade method is used by the API prelude (no dead host entry points).
 */
class ApiDocTest {
    static final List<String> GLOBALS = List.of("Proto", "ProtoField", "ProtoExpert", "Pref", "base", "expert",
            "frametype", "DissectorTable", "Dissector", "Field", "FieldInfo", "Listener", "Tvb", "TvbRange", "TreeItem",
            "Pinfo", "Column", "Columns", "ByteArray", "NSTime", "Address");

    private static final String ENUMERATE = """
            const skip = new Set(["length", "name", "prototype", "arguments", "caller", "constructor"]);
            const out = [];
            for (const g of %s) {
              const v = globalThis[g];
              out.push(g);
              for (const k of Object.getOwnPropertyNames(v)) if (!skip.has(k) && !k.startsWith("_")) out.push(g + "." + k);
              if (typeof v === "function" && v.prototype)
                for (const k of Object.getOwnPropertyNames(v.prototype)) if (!skip.has(k) && !k.startsWith("_")) out.push(g + "." + k);
            }
            for (const k of Object.getOwnPropertyNames(globalThis)) if (/^(ENC_|DESEGMENT_)/.test(k) || ["dissectTcpPdus", "dissect_tcp_pdus", "get_version", "UInt64", "Int64", "ftypes"].includes(k)) out.push(k);
            print(out.join("\\n"));
            """;

    private static String doc() throws Exception {
        return Files.readString(Path.of("..", "docs", "js-api.md"));
    }

    @Test
    void everyScriptApiMemberIsDocumented() throws Exception {
        String doc = doc();
        try (Toy toy = new Toy()) {
            String list = GLOBALS.stream().map(g -> "\"" + g + "\"").toList().toString();
            toy.load("enumerate.js", ENUMERATE.formatted(list));
            List<String> missing = new ArrayList<>();
            String[] names = toy.printed().strip().split("\n");
            for (String name : names) {
                if (!doc.contains("`" + name + "`") && !doc.contains("`" + name + "(") && !doc.contains("`" + name + " ")
                        && !doc.contains("`" + name + "=")) {
                    missing.add(name);
                }
            }
            assertEquals(List.of(), missing, "documented in docs/js-api.md as `Name` or `Name(...)`");
            assertTrue(names.length > 150, "enumerated " + names.length + " names");
        }
    }

    @Test
    void everyHostFacadeMethodIsDocumentedAndUsed() throws Exception {
        String doc = doc();
        String prelude = new String(ScriptHost.class.getResourceAsStream("api.js").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        List<String> undocumented = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (Class<?> c : List.of(RegistrationApi.class, PacketApi.class, FieldInfoView.class)) {
            for (Method m : c.getDeclaredMethods()) {
                if (!m.isAnnotationPresent(HostAccess.Export.class)) {
                    continue;
                }
                String name = c.getSimpleName() + "." + m.getName();
                if (!doc.contains("`" + name + "`")) {
                    undocumented.add(name);
                }
                String prefix = c == RegistrationApi.class ? "R." : c == PacketApi.class ? "P." : ".";
                if (!prelude.contains(prefix + m.getName() + "(")) {
                    unused.add(name);
                }
            }
        }
        assertEquals(List.of(), undocumented, "host façade methods missing from docs/js-api.md");
        assertEquals(List.of(), unused, "host façade methods the prelude never calls");
    }
}
