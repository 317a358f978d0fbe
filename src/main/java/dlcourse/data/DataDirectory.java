package dlcourse.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that knows where dataset files live. It holds an ordered list of directories and finds a file in
 * the first one that has it.
 *
 * <p>{@link #standard()} searches, in this order:
 * <ol>
 *   <li>the directory named by the system property {@value #DATA_PROPERTY} ({@code -Ddlcourse.data=DIR});</li>
 *   <li>the directory named by the environment variable {@value #DATA_ENVIRONMENT_VARIABLE};</li>
 *   <li>{@code ./data} in the working directory;</li>
 *   <li>{@code ../shared/datasets} relative to the working directory;</li>
 *   <li>{@code data} in the checkout root named by the system property {@value #ROOT_PROPERTY}, then
 *       {@code ../shared/datasets} beside that root, when it is set (the build and the launcher set it, so a
 *       student's {@code data/} folder at the top of the checkout is found whatever module runs).</li>
 * </ol>
 * Blank settings are ignored, relative settings are resolved against the working directory, and a directory
 * that appears twice is searched once, under its first rule.
 */
public final class DataDirectory {

    /** System property naming the data directory; searched first. */
    public static final String DATA_PROPERTY = "dlcourse.data";

    /** Environment variable naming the data directory; searched second. */
    public static final String DATA_ENVIRONMENT_VARIABLE = "DLCOURSE_DATA";

    /** System property naming the checkout root; {@code <root>/../shared/datasets} is searched last. */
    public static final String ROOT_PROPERTY = "dlcourse.root";

    /**
     * One directory to search and the rule that put it on the list.
     *
     * @param directory the directory, absolute and normalized
     * @param rule      why it is searched, e.g. {@code system property dlcourse.data}; shown in error messages
     */
    public record Location(Path directory, String rule) {

        /** Normalizes the directory to an absolute path and checks that the rule is stated. */
        public Location {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(rule, "rule");
            if (rule.isBlank()) {
                throw new IllegalArgumentException("a location needs a rule explaining why it is searched");
            }
            directory = directory.toAbsolutePath().normalize();
        }
    }

    private final List<Location> locations;

    /**
     * A data directory that searches the given locations in order. Duplicate directories are searched once.
     *
     * @param locations the directories to search, first match wins (copied)
     */
    public DataDirectory(List<Location> locations) {
        Map<Path, Location> unique = new LinkedHashMap<>();
        for (Location location : locations) {
            unique.putIfAbsent(location.directory(), location);
        }
        this.locations = List.copyOf(unique.values());
    }

    /**
     * A data directory that searches exactly the given directories, in order (for tests and explicit setups).
     *
     * @param directories the directories, relative ones resolved against the working directory
     * @return a data directory searching them in order
     */
    public static DataDirectory of(Path... directories) {
        List<Location> locations = new ArrayList<>();
        for (Path directory : directories) {
            locations.add(new Location(directory, "given directory"));
        }
        return new DataDirectory(locations);
    }

    /**
     * The standard search order (see the class comment), read from this JVM's system properties, environment
     * and working directory.
     *
     * @return the standard data directory
     */
    public static DataDirectory standard() {
        return fromSettings(System::getProperty, System::getenv, Path.of(""));
    }

    /**
     * The standard search order built from the given lookups, so that it can be tested without touching the
     * real environment.
     *
     * @param systemProperty   returns a system property's value, or {@code null} when unset
     * @param environment      returns an environment variable's value, or {@code null} when unset
     * @param workingDirectory the directory relative paths are resolved against
     * @return the data directory the standard rules produce for these settings
     */
    public static DataDirectory fromSettings(Function<String, String> systemProperty,
                                             Function<String, String> environment, Path workingDirectory) {
        Path base = workingDirectory.toAbsolutePath();
        List<Location> locations = new ArrayList<>();
        setting(systemProperty.apply(DATA_PROPERTY)).ifPresent(dir ->
                locations.add(new Location(base.resolve(dir), "system property " + DATA_PROPERTY)));
        setting(environment.apply(DATA_ENVIRONMENT_VARIABLE)).ifPresent(dir ->
                locations.add(new Location(base.resolve(dir), "environment variable " + DATA_ENVIRONMENT_VARIABLE)));
        locations.add(new Location(base.resolve("data"), "./data in the working directory"));
        locations.add(new Location(base.resolve("../shared/datasets"),
                "../shared/datasets relative to the working directory"));
        setting(systemProperty.apply(ROOT_PROPERTY)).ifPresent(root -> {
            locations.add(new Location(base.resolve(root).resolve("data"),
                    "data in the checkout root (system property " + ROOT_PROPERTY + ")"));
            locations.add(new Location(base.resolve(root).resolve("../shared/datasets"),
                    "../shared/datasets beside the checkout root (system property " + ROOT_PROPERTY + ")"));
        });
        return new DataDirectory(locations);
    }

    /**
     * The directories searched, in order.
     *
     * @return an unmodifiable list of locations
     */
    public List<Location> locations() {
        return locations;
    }

    /**
     * The first existing file of this name.
     *
     * @param fileName a plain file name without directories, e.g. {@code train_catvnoncat.h5}
     * @return the absolute path of the file in the first location that has it
     * @throws DatasetNotFoundException if no location has it; the message lists every path tried and what to do
     * @throws IllegalArgumentException if {@code fileName} is blank or contains a directory part
     */
    public Path find(String fileName) {
        return locate(fileName).orElseThrow(() -> notFound(fileName));
    }

    /**
     * Like {@link #find(String)}, for files that may legitimately be absent (such as SIGNS's training file).
     *
     * @param fileName a plain file name without directories
     * @return the file in the first location that has it, or empty if none has it
     * @throws IllegalArgumentException if {@code fileName} is blank or contains a directory part
     */
    public Optional<Path> locate(String fileName) {
        requirePlainName(fileName);
        for (Location location : locations) {
            Path candidate = location.directory().resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Lists the directories and their rules, in search order. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("DataDirectory[");
        for (int i = 0; i < locations.size(); i++) {
            Location location = locations.get(i);
            text.append(i == 0 ? "" : ", ").append(location.directory()).append(" (").append(location.rule()).append(')');
        }
        return text.append(']').toString();
    }

    private DatasetNotFoundException notFound(String fileName) {
        List<Path> searched = new ArrayList<>();
        StringBuilder message = new StringBuilder("dataset file '").append(fileName).append("' was not found.");
        if (locations.isEmpty()) {
            message.append(" No directories are configured to search.");
        } else {
            message.append(" Searched, in this order:");
        }
        for (int i = 0; i < locations.size(); i++) {
            Location location = locations.get(i);
            Path candidate = location.directory().resolve(fileName);
            searched.add(candidate);
            message.append("\n  ").append(i + 1).append(". ").append(candidate).append("  (").append(location.rule());
            if (!Files.isDirectory(location.directory())) {
                message.append("; no such directory");
            }
            message.append(')');
        }
        message.append("\nPut ").append(fileName).append(" into one of these directories, or point -D")
                .append(DATA_PROPERTY).append("=DIR or the environment variable ").append(DATA_ENVIRONMENT_VARIABLE)
                .append(" at the directory that holds it. The course's data files come with its programming")
                .append(" assignments (each notebook's datasets/ folder).");
        return new DatasetNotFoundException(fileName, searched, message.toString());
    }

    private static Optional<String> setting(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static void requirePlainName(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        if (fileName.isBlank()) {
            throw new IllegalArgumentException("a dataset file name must not be blank");
        }
        Path name = Path.of(fileName);
        if (name.getNameCount() != 1 || name.isAbsolute() || fileName.equals("..") || fileName.equals(".")
                || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("a dataset file name must be a plain file name without directories,"
                    + " but was '" + fileName + "'");
        }
    }
}
