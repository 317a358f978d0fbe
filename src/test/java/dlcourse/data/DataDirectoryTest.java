package dlcourse.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcourse.data.DataDirectory.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path temp;

    /** Working directory {@code <temp>/work/main}, so that {@code ../shared/datasets} stays inside the temp dir. */
    private Path workingDirectory() throws IOException {
        return Files.createDirectories(temp.resolve("work/main"));
    }

    private static DataDirectory fromSettings(Map<String, String> properties, Map<String, String> environment,
                                              Path workingDirectory) {
        return DataDirectory.fromSettings(properties::get, environment::get, workingDirectory);
    }

    @Test
    void standard_order_is_property_then_environment_then_data_then_shared_then_root() throws IOException {
        Path work = workingDirectory();
        Path root = temp.resolve("checkout");

        DataDirectory directory = fromSettings(
                Map.of("dlcourse.data", temp.resolve("by-property").toString(), "dlcourse.root", root.toString()),
                Map.of("DLCOURSE_DATA", temp.resolve("by-environment").toString()), work);

        assertEquals(List.of(
                new Location(temp.resolve("by-property"), "system property dlcourse.data"),
                new Location(temp.resolve("by-environment"), "environment variable DLCOURSE_DATA"),
                new Location(work.resolve("data"), "./data in the working directory"),
                new Location(temp.resolve("work/shared/datasets"), "../shared/datasets relative to the working directory"),
                new Location(root.resolve("data"), "data in the checkout root (system property dlcourse.root)"),
                new Location(temp.resolve("shared/datasets"),
                        "../shared/datasets beside the checkout root (system property dlcourse.root)")),
                directory.locations());
    }

    @Test
    void unset_and_blank_settings_add_no_location() throws IOException {
        Path work = workingDirectory();

        DataDirectory directory = fromSettings(Map.of("dlcourse.data", "  "), Map.of(), work);

        assertEquals(List.of(work.resolve("data"), temp.resolve("work/shared/datasets")),
                directory.locations().stream().map(Location::directory).toList());
    }

    @Test
    void relative_settings_are_resolved_against_the_working_directory() throws IOException {
        Path work = workingDirectory();

        DataDirectory directory = fromSettings(Map.of("dlcourse.data", "my-data"), Map.of(), work);

        assertEquals(work.resolve("my-data"), directory.locations().get(0).directory());
    }

    @Test
    void a_directory_named_twice_is_searched_once_under_its_first_rule() throws IOException {
        Path work = workingDirectory();

        DataDirectory directory = fromSettings(Map.of("dlcourse.data", work.resolve("data").toString()), Map.of(), work);

        assertEquals(2, directory.locations().size());
        assertEquals(new Location(work.resolve("data"), "system property dlcourse.data"), directory.locations().get(0));
    }

    @Test
    void find_returns_the_file_in_the_first_location_that_has_it() throws IOException {
        Path first = Files.createDirectories(temp.resolve("first"));
        Path second = Files.createDirectories(temp.resolve("second"));
        Path third = Files.createDirectories(temp.resolve("third"));
        Files.writeString(second.resolve("data.mat"), "second");
        Files.writeString(third.resolve("data.mat"), "third");

        Path found = DataDirectory.of(first, second, third).find("data.mat");

        assertEquals(second.resolve("data.mat"), found);
    }

    @Test
    void find_skips_a_directory_that_has_the_file_name() throws IOException {
        Path first = Files.createDirectories(temp.resolve("first/data.mat"));
        Path second = Files.createDirectories(temp.resolve("second"));
        Files.writeString(second.resolve("data.mat"), "second");

        Path found = DataDirectory.of(first.getParent(), second).find("data.mat");

        assertEquals(second.resolve("data.mat"), found);
    }

    @Test
    void the_first_rule_wins_when_several_locations_have_the_file() throws IOException {
        Path work = workingDirectory();
        Path property = Files.createDirectories(temp.resolve("by-property"));
        Path environment = Files.createDirectories(temp.resolve("by-environment"));
        Files.writeString(property.resolve("x.h5"), "p");
        Files.writeString(environment.resolve("x.h5"), "e");
        Files.writeString(environment.resolve("only-env.h5"), "e");
        DataDirectory directory = fromSettings(Map.of("dlcourse.data", property.toString()),
                Map.of("DLCOURSE_DATA", environment.toString()), work);

        assertEquals(property.resolve("x.h5"), directory.find("x.h5"));
        assertEquals(environment.resolve("only-env.h5"), directory.find("only-env.h5"));
    }

    @Test
    void not_found_message_names_the_file_every_place_searched_with_its_rule_and_the_remedy() throws IOException {
        Path work = workingDirectory();
        Files.createDirectories(work.resolve("data"));
        DataDirectory directory = fromSettings(Map.of("dlcourse.root", temp.resolve("checkout").toString()),
                Map.of("DLCOURSE_DATA", temp.resolve("nowhere").toString()), work);

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> directory.find("train_catvnoncat.h5"));

        assertEquals("dataset file 'train_catvnoncat.h5' was not found. Searched, in this order:\n"
                + "  1. " + temp.resolve("nowhere/train_catvnoncat.h5")
                + "  (environment variable DLCOURSE_DATA; no such directory)\n"
                + "  2. " + work.resolve("data/train_catvnoncat.h5") + "  (./data in the working directory)\n"
                + "  3. " + temp.resolve("work/shared/datasets/train_catvnoncat.h5")
                + "  (../shared/datasets relative to the working directory; no such directory)\n"
                + "  4. " + temp.resolve("checkout/data/train_catvnoncat.h5")
                + "  (data in the checkout root (system property dlcourse.root); no such directory)\n"
                + "  5. " + temp.resolve("shared/datasets/train_catvnoncat.h5")
                + "  (../shared/datasets beside the checkout root (system property dlcourse.root); no such directory)\n"
                + "Put train_catvnoncat.h5 into one of these directories, or point -Ddlcourse.data=DIR or the"
                + " environment variable DLCOURSE_DATA at the directory that holds it. The course's data files come"
                + " with its programming assignments (each notebook's datasets/ folder).", e.getMessage());
        assertEquals("train_catvnoncat.h5", e.fileName());
        assertEquals(5, e.searched().size());
        assertTrue(e.searched().stream().allMatch(Path::isAbsolute), "searched paths are absolute");
    }

    @Test
    void locate_reports_an_absent_file_as_empty() {
        assertEquals(Optional.empty(), DataDirectory.of(temp).locate("train_signs.h5"));
    }

    @Test
    void file_names_with_directory_parts_are_rejected() {
        DataDirectory directory = DataDirectory.of(temp);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> directory.find("../data.mat"));

        assertEquals("a dataset file name must be a plain file name without directories, but was '../data.mat'",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> directory.find(" "));
    }

    @Test
    void standard_searches_beside_the_checkout_root_when_the_build_names_it() {
        String root = System.getProperty(DataDirectory.ROOT_PROPERTY);
        assumeTrue(root != null && !root.isBlank(), "dlcourse.root is not set");

        List<Location> locations = DataDirectory.standard().locations();

        assertTrue(locations.stream().anyMatch(location ->
                        location.directory().equals(Path.of(root, "..", "shared", "datasets").toAbsolutePath().normalize())),
                "locations " + locations + " include <dlcourse.root>/../shared/datasets");
    }
}
