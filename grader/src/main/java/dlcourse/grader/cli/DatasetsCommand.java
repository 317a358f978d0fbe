package dlcourse.grader.cli;

import dlcourse.data.CatImages;
import dlcourse.data.DataDirectory;
import dlcourse.data.FootballData;
import dlcourse.data.SignsImages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dlcourse datasets}: where each course data file is found, or where it was looked for. */
@Command(name = "datasets",
        mixinStandardHelpOptions = true,
        description = {"Shows where each course data file is found and where the grader looks for them.",
            "Order: -Ddlcourse.data, $DLCOURSE_DATA, ./data, ../shared/datasets."})
public final class DatasetsCommand implements Callable<Integer> {

    /** A data file and the assignments that need it. */
    private record Needed(String file, String usedBy, boolean optional) {
    }

    private static final List<Needed> FILES = List.of(
            new Needed(CatImages.TRAIN_FILE, "logistic, application", false),
            new Needed(CatImages.TEST_FILE, "logistic, application", false),
            new Needed(FootballData.FILE, "regularization", false),
            new Needed(SignsImages.TEST_FILE, "framework", false),
            new Needed(SignsImages.TRAIN_FILE, "framework (optional: a split of the test file is used without it)",
                    true));

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DataDirectory directory = DataDirectory.standard();
        out.println("Looking in, in this order:");
        for (DataDirectory.Location location : directory.locations()) {
            out.printf("  %-60s %s%n", location.directory().toAbsolutePath().normalize(), location.rule());
        }
        out.println();
        int missing = 0;
        for (Needed needed : FILES) {
            Optional<Path> found = directory.locate(needed.file());
            String where = found.map(p -> p.toAbsolutePath().normalize().toString())
                    .orElse(needed.optional() ? "not found (optional)" : "MISSING");
            if (found.isEmpty() && !needed.optional()) {
                missing++;
            }
            out.printf("  %-22s %-60s used by %s%n", needed.file(), where, needed.usedBy());
        }
        if (missing > 0) {
            out.println();
            out.println(missing + " file(s) missing: copy them into one of the places above, or point "
                    + "-Ddlcourse.data / DLCOURSE_DATA at a folder that holds them. Generated datasets (flower, "
                    + "circles, moons, blobs) need no files.");
        }
        return missing == 0 ? 0 : 1;
    }
}
