package dev.dorsal.engine.registry;

/**
 * The one default registry of this JVM. Field definitions are static constants bound to the registry
 * that registered them, so a second {@link Registry#loadDefault()} in the same process fails: every
 * user in one JVM (the CLI, the shell, a Spark executor's tasks, tests) shares this one.
 */
public final class ProcessRegistry {
    private static Registry registry;
    /** Why loading failed; a second attempt would only fail on fields the first one bound. */
    private static RuntimeException failure;

    private ProcessRegistry() {}

    /** The registry with every provider on the class path, loaded on first use; a failure is kept and rethrown. */
    public static synchronized Registry get() {
        if (failure != null) {
            throw failure;
        }
        if (registry == null) {
            try {
                registry = Registry.loadDefault();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return registry;
    }
}
