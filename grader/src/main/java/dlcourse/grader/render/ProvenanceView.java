package dlcourse.grader.render;

import dlcourse.grader.report.Provenance;
import java.util.stream.Collectors;

/**
 * The footer: how the grade was produced, formatted.
 *
 * @param graderVersion  grader version
 * @param gitCommit      commit or "unknown"
 * @param jdk            JDK
 * @param simd           {@code on} or {@code off}
 * @param seeds          {@code 1, 2, 3}
 * @param fixtureSet     {@code public} or {@code public+hidden}
 * @param implementation where the graded classes came from
 * @param startedAt      ISO-8601 start
 * @param wallTime       wall time, formatted
 */
record ProvenanceView(String graderVersion, String gitCommit, String jdk, String simd, String seeds,
                      String fixtureSet, String implementation, String startedAt, String wallTime) {

    static ProvenanceView of(Provenance p) {
        return new ProvenanceView(p.graderVersion(), p.gitCommit(), p.jdk(), p.simd() ? "on" : "off",
                p.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")), p.fixtureSet(),
                p.implementation(), p.startedAt(), Numbers.duration(p.millis()));
    }
}
