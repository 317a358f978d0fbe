package dlcourse.grader.skeleton;

import dlcourse.course.CourseName;
import dlcourse.grader.skeleton.RegionScanner.MethodInfo;
import dlcourse.grader.skeleton.RegionScanner.TypeInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The course name a skeleton's {@code throw new NotImplementedYet("...")} reports for a method: the
 * {@link CourseName} of the same-named method of the contract the class implements (loaded by reflection), else a
 * {@code @CourseName} written on the solution method itself, else the Java name in snake_case (a private helper).
 */
final class CourseNames {

    /** Contracts live here; a name in this package that cannot be loaded is an error, not a silent fallback. */
    static final String CONTRACT_PACKAGE = "dlcourse.course.";

    private final String file;
    private final ImportSection section;
    private final ClassLoader loader;
    private final Map<TypeInfo, List<Class<?>>> contracts = new HashMap<>();

    CourseNames(String file, ImportSection section, ClassLoader loader) {
        this.file = file;
        this.section = section;
        this.loader = loader;
    }

    /** The course name for a method that holds an answer region. */
    String of(MethodInfo method) {
        Set<String> fromContract = new LinkedHashSet<>();
        Set<String> sameArity = new LinkedHashSet<>();
        for (Class<?> contract : contracts.computeIfAbsent(method.owner(), this::load)) {
            for (Method m : contract.getMethods()) {
                CourseName name = m.getAnnotation(CourseName.class);
                if (name != null && m.getName().equals(method.name())) {
                    fromContract.add(name.value());
                    if (method.parameterCount() < 0 || m.getParameterCount() == method.parameterCount()) {
                        sameArity.add(name.value());
                    }
                }
            }
        }
        if (fromContract.size() == 1) {
            return fromContract.iterator().next();
        }
        if (sameArity.size() == 1) {
            return sameArity.iterator().next();
        }
        if (method.ownCourseName() != null) {
            return method.ownCourseName();
        }
        if (!fromContract.isEmpty()) {
            throw new SkeletonException(file, method.line() + 1, "method " + method.name() + " matches contract "
                    + "methods with different course names " + fromContract + ": put @CourseName(\"...\") on the "
                    + "solution method to say which one it is.");
        }
        return snakeCase(method.name());
    }

    /** {@code flattenImages} → {@code flatten_images}, {@code computeCostL2} → {@code compute_cost_l2}. */
    static String snakeCase(String javaName) {
        StringBuilder snake = new StringBuilder();
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                char before = i > 0 ? javaName.charAt(i - 1) : '_';
                boolean wordStart = Character.isLowerCase(before) || Character.isDigit(before);
                boolean acronymEnd = Character.isUpperCase(before) && i + 1 < javaName.length()
                        && Character.isLowerCase(javaName.charAt(i + 1));
                if (wordStart || acronymEnd) {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }

    private List<Class<?>> load(TypeInfo type) {
        List<Class<?>> loaded = new ArrayList<>();
        for (String written : type.interfaces()) {
            for (String candidate : candidates(written)) {
                try {
                    loaded.add(Class.forName(candidate, false, loader));
                    break;
                } catch (ClassNotFoundException | LinkageError e) {
                    if (candidate.startsWith(CONTRACT_PACKAGE)) {
                        throw new SkeletonException(file, type.line() + 1, type.name() + " implements " + candidate
                                + ", which is not on the grader's class path (" + e + "): build core first "
                                + "(mvn -pl src install).");
                    }
                }
            }
        }
        return loaded;
    }

    /** Fully qualified names {@code written} may stand for, most likely first. */
    private List<String> candidates(String written) {
        if (written.contains(".")) {
            return List.of(written);
        }
        List<String> candidates = new ArrayList<>();
        for (ImportSection.Import imp : section.imports()) {
            if (!imp.isStatic() && !imp.isWildcard() && imp.simpleName().equals(written)) {
                return List.of(imp.name());
            }
        }
        for (ImportSection.Import imp : section.imports()) {
            if (!imp.isStatic() && imp.isWildcard()) {
                candidates.add(imp.name().substring(0, imp.name().length() - 1) + written);
            }
        }
        candidates.add(section.packageName().isEmpty() ? written : section.packageName() + "." + written);
        // a wildcard guess that fails is not an error: only the explicit forms above are
        candidates.removeIf(c -> c.startsWith(CONTRACT_PACKAGE) && !classExists(c));
        return candidates;
    }

    private boolean classExists(String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
