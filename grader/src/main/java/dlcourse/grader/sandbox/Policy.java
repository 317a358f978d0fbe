package dlcourse.grader.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * The allow-list of what graded student code may use, decided per reference found in its bytecode: a call, a field
 * access, or a type (instantiated, cast to, extended).
 *
 * <p>Allowed: the classes of {@code java.lang} except those that end the JVM, start processes or threads, load
 * classes or reflect ({@code System} only for printing and clocks, {@code Class} only for names and casts);
 * {@code java.util}, {@code java.util.function}, {@code java.util.stream}; printing through {@code System.out};
 * the course's {@code dlcourse.core}, {@code dlcourse.nn} and {@code dlcourse.course}; the submission's own
 * classes; and what an assignment adds (TensorFlow's API for assignment 9). Subpackages are not included unless
 * listed ({@code java.util.concurrent} and {@code java.lang.reflect} are not). Everything else is refused with the
 * reason in words a student understands.
 */
public final class Policy {

    /** How code refers to something. */
    public enum Use {
        /** A method or constructor call (also a method reference in a lambda). */
        CALL,
        /** A field read. */
        READ,
        /** A field write. */
        WRITE,
        /** A type: instantiated, cast to, checked, extended or implemented, a class literal. */
        TYPE
    }

    /** Packages (internal names, exactly these, no subpackages) whose classes graded code may use. */
    public static final List<String> PACKAGES = List.of("java/lang/", "java/util/", "java/util/function/",
            "java/util/stream/", "dlcourse/core/", "dlcourse/nn/", "dlcourse/course/");

    /** The bootstrap methods javac emits for lambdas, string concatenation and records. */
    static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods");

    private static final String EXIT = "would end the grading JVM";
    private static final String PROCESS = "starts another program";
    private static final String THREADS = "starts or controls threads (graded code runs on the grader's thread)";
    private static final String REFLECTION = "uses reflection (it could reach into the grader)";
    private static final String LOADING = "loads classes or resources";
    private static final String FILES = "reads or writes files";
    private static final String NETWORK = "opens network connections";
    private static final String ENVIRONMENT = "reads or changes the grading JVM's settings";

    /** java.lang classes refused whole (by top-level name), and why. */
    private static final Map<String, String> LANG_REFUSED = Map.ofEntries(
            Map.entry("Runtime", "controls the grading JVM (it can end it or start programs)"),
            Map.entry("Shutdown", EXIT),
            Map.entry("ProcessBuilder", PROCESS),
            Map.entry("Process", PROCESS),
            Map.entry("ProcessHandle", PROCESS),
            Map.entry("Thread", THREADS),
            Map.entry("ThreadGroup", THREADS),
            Map.entry("ClassLoader", LOADING),
            Map.entry("Module", LOADING),
            Map.entry("ModuleLayer", LOADING),
            Map.entry("Package", LOADING),
            Map.entry("StackWalker", REFLECTION),
            Map.entry("SecurityManager", ENVIRONMENT),
            Map.entry("Compiler", ENVIRONMENT));

    /** The members of {@code System} graded code may use. */
    private static final Set<String> SYSTEM_ALLOWED = Set.of("out", "err", "nanoTime", "currentTimeMillis",
            "arraycopy", "identityHashCode", "lineSeparator");

    /** The methods of {@code Class} graded code may use: names, casts, the assertion switch javac reads. */
    private static final Set<String> CLASS_ALLOWED = Set.of("getName", "getSimpleName", "getTypeName",
            "getCanonicalName", "getPackageName", "isInstance", "cast", "isArray", "isPrimitive", "isInterface",
            "isEnum", "isRecord", "getComponentType", "isAssignableFrom", "desiredAssertionStatus", "toString",
            "hashCode", "equals", "arrayType", "componentType", "descriptorString");

    /** java.util classes refused, and why. */
    private static final Map<String, String> UTIL_REFUSED = Map.of(
            "Timer", THREADS,
            "ServiceLoader", LOADING,
            "ResourceBundle", LOADING,
            "PropertyResourceBundle", LOADING,
            "ListResourceBundle", LOADING,
            "Formatter", FILES + " (use String.format)",
            "Scanner", FILES);

    /** The printing methods of {@code java.io.PrintStream} (System.out / System.err). */
    private static final Set<String> PRINTING = Set.of("print", "println", "printf", "format", "flush", "append",
            "write", "checkError");

    /** java.io types that may appear (exception types, the Serializable marker) without being used for I/O. */
    private static final Set<String> IO_TYPES = Set.of("java/io/Serializable", "java/io/IOException",
            "java/io/UncheckedIOException");

    private final List<String> extraPrefixes;

    private Policy(List<String> extraPrefixes) {
        this.extraPrefixes = List.copyOf(extraPrefixes);
    }

    /** The standard allow-list. */
    public static Policy standard() {
        return new Policy(List.of());
    }

    /**
     * The standard allow-list plus packages an assignment needs, each with its subpackages.
     *
     * @param prefixes internal-name prefixes such as {@code org/tensorflow/}
     */
    public Policy plus(List<String> prefixes) {
        List<String> all = new java.util.ArrayList<>(extraPrefixes);
        all.addAll(prefixes);
        return new Policy(all);
    }

    /**
     * Why a reference is refused, or null when it is allowed. The submission's own classes are the caller's
     * business (they are always allowed).
     *
     * @param use        how it is used
     * @param owner      the internal name of the class (or an array descriptor)
     * @param name       the member's name ({@code <init>} for constructors), or null for a type
     * @param descriptor the member's descriptor, or null for a type
     */
    public String refusal(Use use, String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
            Type element = Type.getType(owner).getElementType();
            return element.getSort() == Type.OBJECT ? refusal(use == Use.CALL ? Use.TYPE : use,
                    element.getInternalName(), null, null) : null;
        }
        for (String prefix : extraPrefixes) {
            if (owner.startsWith(prefix)) {
                return null;
            }
        }
        String pkg = owner.substring(0, owner.lastIndexOf('/') + 1);
        String simple = owner.substring(pkg.length());
        String top = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
        if (pkg.equals("java/lang/")) {
            return lang(use, top, name);
        }
        if (pkg.equals("java/util/")) {
            return UTIL_REFUSED.get(top);
        }
        if (PACKAGES.contains(pkg)) {
            return null;
        }
        if (owner.equals("java/io/PrintStream") && (use == Use.TYPE || use == Use.CALL && PRINTING.contains(name))) {
            return null;
        }
        if (IO_TYPES.contains(owner)) {
            return null;
        }
        return byPackage(pkg);
    }

    private static String lang(Use use, String top, String name) {
        String refused = LANG_REFUSED.get(top);
        if (refused != null) {
            return refused;
        }
        if (top.equals("System") && name != null && !SYSTEM_ALLOWED.contains(name)) {
            return name.equals("exit") ? EXIT : ENVIRONMENT;
        }
        if (top.equals("Class") && name != null && !CLASS_ALLOWED.contains(name)) {
            return name.startsWith("getResource") || name.equals("getClassLoader") || name.equals("getModule")
                    || name.equals("getProtectionDomain") ? LOADING : REFLECTION;
        }
        return null;
    }

    private static String byPackage(String pkg) {
        if (pkg.startsWith("java/lang/reflect/") || pkg.startsWith("java/lang/invoke/") || pkg.startsWith("sun/")
                || pkg.startsWith("jdk/internal/") || pkg.startsWith("java/lang/instrument/")) {
            return REFLECTION;
        }
        if (pkg.startsWith("java/util/concurrent/")) {
            return THREADS;
        }
        if (pkg.startsWith("java/io/") || pkg.startsWith("java/nio/")) {
            return FILES;
        }
        if (pkg.startsWith("java/net/") || pkg.startsWith("javax/net/") || pkg.startsWith("java/rmi/")
                || pkg.startsWith("java/net/http/")) {
            return NETWORK;
        }
        if (pkg.startsWith("dlcourse/")) {
            return "belongs to the grader or the course's data loading (off limits to graded code)";
        }
        return "is not on the list of what graded code may use (java.lang, java.util, java.util.function,"
                + " java.util.stream, dlcourse.core, dlcourse.nn, dlcourse.course)";
    }

    /** A reference in Java words: {@code System.exit(int)}, {@code java.io.File}, {@code Thread.<init>} as "new Thread(...)". */
    static String describe(Use use, String owner, String name, String descriptor) {
        String type = javaName(owner);
        if (name == null) {
            return type;
        }
        if (use == Use.READ || use == Use.WRITE) {
            return type + "." + name;
        }
        StringBuilder args = new StringBuilder();
        if (descriptor != null && descriptor.startsWith("(")) {
            Type[] types = Type.getArgumentTypes(descriptor);
            for (int i = 0; i < types.length; i++) {
                args.append(i == 0 ? "" : ", ").append(shortName(types[i].getClassName()));
            }
        }
        return name.equals("<init>") ? "new " + type + "(" + args + ")" : type + "." + name + "(" + args + ")";
    }

    /** {@code java/lang/System} → {@code System}; {@code java/io/File} → {@code java.io.File}; {@code A$B} → {@code A.B}. */
    static String javaName(String internal) {
        if (internal.startsWith("[")) {
            return Type.getType(internal).getClassName();
        }
        String dotted = internal.replace('/', '.').replace('$', '.');
        return internal.startsWith("java/lang/") && internal.indexOf('/', "java/lang/".length()) < 0
                ? dotted.substring("java.lang.".length()) : dotted;
    }

    private static String shortName(String className) {
        return className.startsWith("java.lang.") && className.indexOf('.', "java.lang.".length()) < 0
                ? className.substring("java.lang.".length()) : className;
    }
}
