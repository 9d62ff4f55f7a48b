package dev.dorsal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JavaScript dissectors shipped to the tasks, and clear errors for the user's mistakes. */
class ScriptsAndErrorsTest {
    private static final Path SYSLOG_JS = Path.of("..", "scripts", "dissectors", "syslog.js");
    private static final Path SYSLOG = Path.of("..", "scripts", "src", "test", "resources", "captures", "syslog.pcap");

    @TempDir
    Path dir;

    @Test
    void aJavaScriptDissectorRunsInTheTasks() {
        List<String> fields = List.of("frame.number", "syslog.facility", "syslog.level", "syslog.hostname",
                "syslog.msg", "_ws.col.Protocol", "_ws.col.Info");
        for (String level : List.of("packet", "flow")) {
            Dataset<Row> df = LocalSpark.spark().read().format("dorsal").option("fields", String.join(",", fields))
                    .option("values", "text").option("occurrence", "a").option("scripts", SYSLOG_JS.toString())
                    .option("level", level).option("flowPartitions", "4").option("splitSize", "1k")
                    .option("filter", "syslog.level <= 5").load(SYSLOG.toString());
            List<String> expected = LocalSpark.cli(SYSLOG, "syslog.level <= 5", fields, "-X", "js_script:" + SYSLOG_JS);
            assertTrue(expected.size() > 3);
            assertEquals(expected, LocalSpark.lines(df), level);
        }
    }

    @Test
    void predicatesOnAScriptsFieldsArePushedDown() {
        Dataset<Row> df = LocalSpark.spark().read().format("dorsal").option("fields", "frame.number,syslog.level")
                .option("scripts", SYSLOG_JS.toString()).load(SYSLOG.toString())
                .filter(org.apache.spark.sql.functions.col("`syslog.level`").leq(3));
        String plan = df.queryExecution().executedPlan().toString();
        assertTrue(plan.contains("(syslog.level <= 3)"), plan);
        List<String> numbers = df.orderBy("`frame.number`").collectAsList().stream().map(r -> Long.toString(r.getLong(0))).toList();
        assertEquals(LocalSpark.cli(SYSLOG, "syslog.level <= 3", List.of("frame.number"), "-X", "js_script:" + SYSLOG_JS),
                numbers);
    }

    @Test
    void aBrokenScriptIsReportedWithItsLine() throws Exception {
        Path broken = dir.resolve("broken.js");
        Files.writeString(broken, "const p = new Proto(\"brk\", \"Broken\");\nthis is not javascript;\n");
        Exception e = assertThrows(Exception.class, () -> LocalSpark.spark().read().format("dorsal")
                .option("scripts", broken.toString()).load(SYSLOG.toString()).count());
        assertTrue(e.getMessage().contains("broken.js") && e.getMessage().contains(":2"), e.getMessage());
    }

    @Test
    void aBadFilterShowsACaretUnderTheSpot() {
        Exception e = assertThrows(Exception.class, () -> LocalSpark.spark().read().format("dorsal")
                .option("filter", "tcp.port == 80 && ip.nosuch").load(SYSLOG.toString()).count());
        assertTrue(e.getMessage().contains("    tcp.port == 80 && ip.nosuch\n") && e.getMessage().contains("^"), e.getMessage());
    }

    @Test
    void unknownFieldsAndMissingFilesAreNamed() {
        Exception field = assertThrows(Exception.class, () -> LocalSpark.spark().read().format("dorsal")
                .option("fields", "frame.number,ip.nosuch").load(SYSLOG.toString()));
        assertTrue(field.getMessage().contains("Some fields aren't valid: ip.nosuch"), field.getMessage());
        Exception file = assertThrows(Exception.class, () -> LocalSpark.spark().read().format("dorsal")
                .load(dir.resolve("nosuch.pcap").toString()).count());
        assertTrue(file.getMessage().contains("nosuch.pcap\" doesn't exist"), file.getMessage());
        Exception option = assertThrows(Exception.class, () -> LocalSpark.spark().read().format("dorsal")
                .option("level", "stream").load(SYSLOG.toString()));
        assertTrue(option.getMessage().contains("level must be packet or flow"), option.getMessage());
    }

    @Test
    void aFileThatIsNotACaptureIsNamed() throws Exception {
        Path text = dir.resolve("notes.pcap");
        Files.writeString(text, "these are not packets\n".repeat(10));
        Exception e = assertThrows(Exception.class, () -> LocalSpark.spark().read().format("dorsal")
                .load(text.toString()).count());
        assertTrue(String.valueOf(e.getMessage()).contains("isn't a capture file in a format"), e.getMessage());
    }
}
