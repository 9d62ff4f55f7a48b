package dev.dorsal.engine.script;

import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

/**
 * What a JavaScript context may do, from the permissions the user granted ({@link ScriptOptions}):
 * one policy for dissector scripts and query scripts, so the two cannot drift apart. Without grants a
 * script sees only the API objects handed to it: no host classes, files, threads, processes, native
 * code, environment or other languages.
 */
public final class Sandbox {
    private Sandbox() {}

    /**
     * A context builder on the shared engine with the grants of {@code options}; {@code api} is the host
     * access when host classes are not granted (the annotated API only), {@code out} the script's output.
     */
    public static Context.Builder context(ScriptOptions options, HostAccess api, OutputStream out) {
        boolean hostClasses = options.granted(ScriptPermission.HOST_CLASSES);
        return Context.newBuilder("js")
                .engine(JsEngine.get())
                .allowHostAccess(hostClasses ? HostAccess.ALL : api)
                .allowHostClassLookup(hostClasses ? name -> true : name -> false)
                .allowIO(io(options))
                .allowCreateThread(options.granted(ScriptPermission.THREADS))
                .allowCreateProcess(options.granted(ScriptPermission.PROCESSES))
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .out(out)
                .err(out);
    }

    /** Files: all of them with write or host-class grants, read-only with the read grant, else none. */
    private static IOAccess io(ScriptOptions o) {
        if (o.granted(ScriptPermission.WRITE_FILES) || o.granted(ScriptPermission.HOST_CLASSES)) {
            return IOAccess.newBuilder().allowHostFileAccess(true).build();
        }
        if (o.granted(ScriptPermission.READ_FILES)) {
            return IOAccess.newBuilder().fileSystem(FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem()))
                    .build();
        }
        return IOAccess.NONE;
    }
}
