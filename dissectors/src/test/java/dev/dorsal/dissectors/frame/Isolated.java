package dev.dorsal.dissectors.frame;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs test code against its own copy of the engine and dissector classes. Field definitions are
 * static constants that bind to the first registry that registers them, so one JVM holds one
 * registry; these tests need two others (only the link and network layer providers, and every
 * provider for the field audit), and must not disturb the registry other test classes build. Each
 * purpose gets a class loader of its own over the same class path; results come back as strings.
 */
final class Isolated {
    private static final Map<String, ClassLoader> LOADERS = new HashMap<>();

    private Isolated() {}

    private static synchronized ClassLoader loader(String purpose) {
        return LOADERS.computeIfAbsent(purpose, k -> {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                try {
                    urls.add(new File(entry).toURI().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return new URLClassLoader("isolated-" + k, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        });
    }

    /** Calls the static method {@code method(String…)} of {@code type} as loaded for {@code purpose}. */
    @SuppressWarnings("unchecked")
    static List<String> call(String purpose, Class<?> type, String method, String... args) {
        ClassLoader cl = loader(purpose);
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        t.setContextClassLoader(cl);
        try {
            Class<?> c = Class.forName(type.getName(), true, cl);
            Class<?>[] types = new Class<?>[args.length];
            java.util.Arrays.fill(types, String.class);
            Method m = c.getDeclaredMethod(method, types);
            m.setAccessible(true);
            return (List<String>) m.invoke(null, (Object[]) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            t.setContextClassLoader(saved);
        }
    }
}
