package dev.dorsal.shell.query;

import dev.dorsal.engine.capture.CaptureFileException;
import dev.dorsal.engine.script.ScriptException;
import dev.dorsal.engine.script.ScriptOptions;
import dev.dorsal.engine.script.ScriptPermission;
import dev.dorsal.shell.cli.SharedRegistry;
import dev.dorsal.shell.session.Cancel;
import dev.dorsal.shell.session.Cancelled;
import dev.dorsal.shell.session.LoadedCapture;
import dev.dorsal.shell.session.Progress;
import dev.dorsal.shell.session.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code dorsal run [--allow PERM]... [-o PREF:VALUE]... SCRIPT.js FILE... [-- ARG...]}: a query script
 * over capture files, without the shell. Exit status: the script's {@code exit(n)}; 0 when it ends
 * normally; 1 for a usage mistake or a script error (reported as file:line:column); 2 when a capture
 * cannot be read (tshark's message).
 */
public final class BatchQuery {
    static final String USAGE = "usage: dorsal run [--allow read-files|write-files]... [-o PREF:VALUE]... SCRIPT.js FILE... [-- ARG...]";

    private BatchQuery() {}

    public static int run(List<String> argv, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        List<String> scriptArgs = new ArrayList<>();
        Set<ScriptPermission> allow = EnumSet.noneOf(ScriptPermission.class);
        List<String> prefs = new ArrayList<>();
        String script = null;
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                scriptArgs.addAll(argv.subList(i + 1, argv.size()));
                break;
            } else if (a.equals("--allow") && i + 1 < argv.size()) {
                String p = argv.get(++i).toUpperCase(Locale.ROOT).replace('-', '_');
                try {
                    allow.add(ScriptPermission.valueOf(p));
                } catch (IllegalArgumentException e) {
                    err.println("dorsal: unknown permission " + argv.get(i) + "; " + USAGE);
                    return 1;
                }
            } else if (a.equals("-o") && i + 1 < argv.size()) {
                prefs.add(argv.get(++i));
            } else if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                out.flush();
                return 0;
            } else if (a.startsWith("-")) {
                err.println("dorsal: unknown option " + a + "; " + USAGE);
                return 1;
            } else if (script == null) {
                script = a;
            } else {
                files.add(a);
            }
        }
        if (script == null) {
            err.println("dorsal: " + USAGE);
            return 1;
        }
        String text;
        try {
            text = Files.readString(Path.of(script));
        } catch (IOException e) {
            err.println("dorsal: cannot read " + script + ": " + e.getMessage());
            return 1;
        }
        try (Session session = new Session(SharedRegistry.get())) {
            session.setScriptOptions(ScriptOptions.defaults().withPermissions(allow).withOut(out));
            for (String p : prefs) {
                int colon = p.indexOf(':');
                if (colon <= 0 || !session.setPreference(p.substring(0, colon), p.substring(colon + 1))) {
                    err.println("dorsal: -o flag \"" + p + "\" specifies unknown preference");
                    return 1;
                }
            }
            List<LoadedCapture> captures = new ArrayList<>();
            for (String f : files) {
                try {
                    LoadedCapture c = session.open(Path.of(f));
                    c.index(Progress.NONE, Cancel.NEVER);
                    captures.add(c);
                } catch (CaptureFileException e) {
                    out.flush();
                    err.println(e.tsharkMessage().replace("tshark: ", "dorsal: "));
                    return 2;
                }
            }
            try (QueryHost host = new QueryHost(session, out, scriptArgs)) {
                host.bind(captures);
                int code = host.runScript(text, script, Cancel.NEVER, Progress.NONE);
                out.flush();
                return code;
            } catch (ScriptException e) {
                out.flush();
                err.println("dorsal: " + e.getMessage());
                return 1;
            } catch (Cancelled e) {
                out.flush();
                err.println("dorsal: cancelled");
                return 130;
            }
        }
    }
}
