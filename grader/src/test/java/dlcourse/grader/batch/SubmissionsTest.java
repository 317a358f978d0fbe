package dlcourse.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionsTest {

    @TempDir
    Path dir;

    private Path file(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(("// " + entry + "\n").getBytes());
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void every_entry_kind_is_recognised_and_named_after_the_student() throws IOException {
        file("class/alice/Logistic.java", "class A {}");
        file("class/bob.zip", "zip");
        file("class/carol.git/HEAD", "ref: refs/heads/main");
        Files.createDirectories(dir.resolve("class/carol.git/objects"));
        Files.createDirectories(dir.resolve("class/carol.git/refs"));
        file("class/dave.bundle", "bundle");
        file("class/notes.txt", "not a submission");
        file("class/.DS_Store", "");
        file("class/eve smith/Logistic.java", "class E {}");
        List<String> ignored = new ArrayList<>();
        List<Submission> found = Submissions.scan(dir.resolve("class"), ignored);
        assertEquals(List.of("alice DIRECTORY", "bob ZIP", "carol GIT", "dave GIT", "eve_smith DIRECTORY"),
                found.stream().map(s -> s.student() + " " + s.kind()).toList());
        assertEquals(List.of("notes.txt"), ignored);
    }

    @Test
    void clashing_and_reserved_names_are_made_unique() throws IOException {
        file("class/alice/A.java", "class A {}");
        file("class/alice.zip", "zip");
        file("class/index.html/A.java", "class A {}");
        List<Submission> found = Submissions.scan(dir.resolve("class"), new ArrayList<>());
        assertEquals(List.of("alice", "alice-zip", "index.html-student"),
                found.stream().map(Submission::student).toList());
    }

    @Test
    void sources_come_from_the_exercises_tree_then_a_module_then_loose_files() throws IOException {
        file("a/notes/Scratch.java", "class S {}");
        file("a/exercises/src/main/java/p/A.java", "class A {}");
        file("a/other/src/main/java/p/B.java", "class B {}");
        assertEquals(dir.resolve("a/exercises/src/main/java"), SourceTree.locate(dir.resolve("a")));
        file("b/deep/er/src/main/java/p/B.java", "class B {}");
        file("b/src/main/java/p/C.java", "class C {}");
        assertEquals(dir.resolve("b/src/main/java"), SourceTree.locate(dir.resolve("b")));
        file("c/Loose.java", "class L {}");
        file("c/target/Generated.java", "class G {}");
        file("c/.git/Hook.java", "class H {}");
        assertEquals(dir.resolve("c"), SourceTree.locate(dir.resolve("c")));
        assertEquals(List.of(dir.resolve("c/Loose.java")), SourceTree.javaFiles(dir.resolve("c")));
    }

    @Test
    void the_digest_changes_with_a_files_content_or_name_only() throws Exception {
        file("d/p/A.java", "class A {}");
        file("d/p/B.java", "class B {}");
        Submission s = new Submission("d", dir.resolve("d"), Submission.Kind.DIRECTORY);
        String first;
        try (SourceTree tree = SourceTree.open(s, dir)) {
            first = tree.digest();
            assertEquals(2, tree.files().size());
        }
        try (SourceTree same = SourceTree.open(s, dir)) {
            assertEquals(first, same.digest());
        }
        file("d/p/B.java", "class B { }");
        try (SourceTree changed = SourceTree.open(s, dir)) {
            assertNotEquals(first, changed.digest());
        }
    }

    @Test
    void a_zip_gives_its_java_files_only_and_cleans_up() throws Exception {
        Path zip = zip("z.zip", "z/src/main/java/p/A.java", "z/README.md", "__MACOSX/z/._A.java");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Path extracted;
        try (SourceTree tree = SourceTree.open(new Submission("z", zip, Submission.Kind.ZIP), scratch)) {
            extracted = tree.scratch();
            assertTrue(tree.root().endsWith("z/src/main/java"), tree.root().toString());
            assertEquals(List.of("p/A.java"), tree.files().stream().map(f -> tree.root().relativize(f).toString())
                    .toList());
        }
        assertTrue(Files.notExists(extracted), "scratch folder deleted");
    }

    @Test
    void a_zip_entry_that_escapes_the_folder_is_refused() throws IOException {
        Path zip = zip("evil.zip", "../../escaped.java");
        UnpackException e = assertThrows(UnpackException.class, () -> SourceTree.open(
                new Submission("evil", zip, Submission.Kind.ZIP), Files.createDirectories(dir.resolve("s"))));
        assertTrue(e.getMessage().contains("points outside the archive"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("escaped.java")));
    }

    @Test
    void a_submission_without_java_files_cannot_be_graded() throws IOException {
        file("empty/README.md", "nothing");
        UnpackException e = assertThrows(UnpackException.class, () -> SourceTree.open(
                new Submission("empty", dir.resolve("empty"), Submission.Kind.DIRECTORY), dir));
        assertEquals("no .java file found in empty", e.getMessage());
    }
}
