package dlcourse.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the submissions in a folder: each entry is one student's directory, zip, bare git repository or bundle. */
final class Submissions {

    /** Names a student folder may not take, because the class folder uses them. */
    private static final Set<String> RESERVED = Set.of("index.html", "grades.csv", "dashboard");

    private Submissions() {
    }

    /**
     * The submissions in {@code folder}, sorted by student name. Hidden entries ({@code .DS_Store}, {@code .git})
     * and files of other types are left out; {@code skipped} receives their names.
     *
     * @throws UncheckedIOException when the folder cannot be listed
     */
    static List<Submission> scan(Path folder, List<String> skipped) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder of submissions");
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        List<Submission> found = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path entry : entries) {
            String file = entry.getFileName().toString();
            if (file.startsWith(".")) {
                continue;
            }
            Submission.Kind kind = kind(entry);
            if (kind == null) {
                skipped.add(file);
                continue;
            }
            String name = unique(studentName(file), kind, names);
            found.add(new Submission(name, entry, kind));
        }
        found.sort(java.util.Comparator.comparing(Submission::student));
        return found;
    }

    /** What kind of submission an entry is, or null when it is none. */
    static Submission.Kind kind(Path entry) {
        String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(entry)) {
            return isBareRepository(entry) ? Submission.Kind.GIT : Submission.Kind.DIRECTORY;
        }
        if (name.endsWith(".zip")) {
            return Submission.Kind.ZIP;
        }
        if (name.endsWith(".bundle")) {
            return Submission.Kind.GIT;
        }
        return null;
    }

    /** A bare repository holds HEAD, objects/ and refs/ itself (a working tree keeps them in .git/). */
    static boolean isBareRepository(Path dir) {
        return Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"))
                && Files.isDirectory(dir.resolve("refs"));
    }

    /** The entry's name without its archive or repository extension, made safe as a folder name. */
    static String studentName(String file) {
        String name = file;
        for (String ext : List.of(".zip", ".git", ".bundle")) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ext) && name.length() > ext.length()) {
                name = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        name = name.replaceAll("[^A-Za-z0-9._@+-]", "_");
        if (name.startsWith(".") || name.isEmpty()) {
            name = "_" + name;
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            name = name + "-student";
        }
        return name;
    }

    private static String unique(String name, Submission.Kind kind, Set<String> taken) {
        String candidate = name;
        if (taken.contains(candidate.toLowerCase(Locale.ROOT))) {
            candidate = name + "-" + kind.name().toLowerCase(Locale.ROOT);
        }
        for (int i = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = name + "-" + i;
        }
        taken.add(candidate.toLowerCase(Locale.ROOT));
        return candidate;
    }
}
