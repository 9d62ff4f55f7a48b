package dev.dorsal.dissectors.frame;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * checkhf for the link and network layers: every declared field is registered, named after its
 * protocol, unique, and typed, based, masked and named as in tshark 4.0.17's glossary.
 */
class FieldRegistrationTest {
    @Test
    void fieldsAreRegisteredAndMatchTheGlossary() {
        Path root = Path.of("src/test/resources/l2l3");
        List<String> result = Isolated.call("all-providers", FieldAudit.class, "audit",
                root.resolve("fields_core.tsv").toAbsolutePath().toString(),
                root.resolve("fields_extra.tsv").toAbsolutePath().toString());
        int checked = Integer.parseInt(result.get(0).substring("checked ".length()));
        List<String> problems = result.subList(1, result.size());
        assertTrue(checked > 300, "only " + checked + " fields found");
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }
}
