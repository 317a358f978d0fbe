package dlcourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./dlcourse} launcher's decision to build, run on a copy of the script in a scratch checkout with a
 * stand-in {@code mvn} (records its call and writes a class path, as the real build does) and a stand-in {@code java}
 * (records its command line). The build is needed on first use, when a source is newer than the last build, and when
 * the class path written by the last build names files that are gone (the checkout moved or was copied, or the local
 * Maven repository was cleaned): before that check, a moved checkout started the JVM on the old paths and failed
 * with {@code NoClassDefFoundError}.
 */
class LauncherScriptTest {

    @TempDir
    Path checkout;

    private Path launcher;
    private Path classpathFile;
    private Path stamp;
    private Path library;

    @BeforeEach
    void scratchCheckout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script");
        String property = System.getProperty("dlcourse.root");
        assumeTrue(property != null, "dlcourse.root is not set: run this test through Maven");
        Path script = Path.of(property).resolve("dlcourse");
        assumeTrue(Files.isRegularFile(script), "no launcher at " + script);

        launcher = Files.copy(script, checkout.resolve("dlcourse"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        for (String module : List.of("src", "grader", "solutions", "exercises")) {
            Files.createDirectories(checkout.resolve(module).resolve("main/java"));
        }
        Files.createDirectories(checkout.resolve("grader/target/classes"));
        library = Files.writeString(checkout.resolve("lib.jar"), "not really a jar");
        classpathFile = checkout.resolve("grader/target/classpath.txt");
        stamp = checkout.resolve("grader/target/.launcher-built");

        Path bin = Files.createDirectories(checkout.resolve("bin"));
        executable(bin.resolve("mvn"), """
                #!/bin/bash
                echo "mvn $*" >> "%s"
                printf '%%s' "%s" > "%s"
                """.formatted(checkout.resolve("mvn.log"), library, classpathFile));
        executable(bin.resolve("java"), """
                #!/bin/bash
                echo "java $*" >> "%s"
                """.formatted(checkout.resolve("java.log")));
    }

    @Test
    void a_fresh_build_with_every_class_path_entry_present_is_used_as_it_is() throws Exception {
        built(library.toString());

        Result result = launch("--help");

        assertEquals(0, result.exitCode(), result.stderr());
        assertFalse(Files.exists(checkout.resolve("mvn.log")), "built again although nothing changed");
        assertTrue(javaCommandLine().contains("-cp " + checkout.resolve("grader/target/classes") + ":" + library),
                javaCommandLine());
    }

    @Test
    void a_class_path_naming_files_that_are_gone_is_rebuilt_before_the_jvm_starts() throws Exception {
        // what a build in another folder leaves behind when the checkout is moved or copied
        built("/elsewhere/dlcourse/src/target/dlcourse-core.jar:" + library);

        Result result = launch("--help");

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(Files.readString(checkout.resolve("mvn.log")).contains("package"), "no build was run");
        assertTrue(result.stderr().contains("building the command line"), result.stderr());
        String java = javaCommandLine();
        assertFalse(java.contains("/elsewhere/"), "the JVM was started on the stale class path: " + java);
        assertTrue(java.contains(":" + library + " "), java);
    }

    @Test
    void an_empty_class_path_file_is_rebuilt() throws Exception {
        built("");

        Result result = launch("--help");

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(Files.exists(checkout.resolve("mvn.log")), "no build was run");
    }

    @Test
    void a_source_newer_than_the_last_build_is_rebuilt() throws Exception {
        built(library.toString());
        Path source = Files.writeString(checkout.resolve("src/main/java/Changed.java"), "class Changed {}\n");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));

        Result result = launch("--help");

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(Files.exists(checkout.resolve("mvn.log")), "no build was run");
    }

    @Test
    void a_failed_build_shows_its_output_and_starts_no_jvm() throws Exception {
        executable(checkout.resolve("bin/mvn"), """
                #!/bin/bash
                echo "[ERROR] COMPILATION ERROR: Matrix.java:[12,5] ';' expected"
                exit 1
                """);

        Result result = launch("--help");

        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().contains("';' expected"), result.stderr());
        assertTrue(result.stderr().contains("the build failed"), result.stderr());
        assertFalse(Files.exists(checkout.resolve("java.log")), "a JVM was started after a failed build");
    }

    /** The state a finished build leaves: its class path file and, last, the stamp. */
    private void built(String classpath) throws IOException {
        Files.writeString(classpathFile, classpath);
        Files.writeString(stamp, "");
        Instant past = Instant.now().minusSeconds(3600);
        try (var walk = Files.walk(checkout)) {
            for (Path p : walk.toList()) {
                if (!p.equals(stamp)) {
                    Files.setLastModifiedTime(p, FileTime.from(past));
                }
            }
        }
    }

    private String javaCommandLine() throws IOException {
        Path log = checkout.resolve("java.log");
        assertTrue(Files.exists(log), "no JVM was started");
        // the launcher may ask java once for its options (-version) before running the command
        return Files.readAllLines(log).stream().filter(line -> line.contains("dlcourse.grader.cli.Main"))
                .findFirst().orElseThrow(() -> new AssertionError("no command run: " + log));
    }

    private record Result(int exitCode, String stderr) {
    }

    private Result launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
        builder.environment().put("PATH", checkout.resolve("bin") + ":" + System.getenv().getOrDefault("PATH",
                "/usr/bin:/bin"));
        builder.environment().remove("DLCOURSE_JAVA_OPTS");
        Path err = checkout.resolve("stderr.txt");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        return new Result(process.exitValue(), Files.readString(err));
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
