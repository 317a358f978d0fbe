package dlcourse.grader.dashboard;

/**
 * How the class's reports came together, for the dashboard's provenance section.
 *
 * @param source     the submissions folder of a batch run, or the folders the reports were collected from
 * @param startedAt  ISO-8601 start of the batch run, or null for collected reports
 * @param wallMillis wall time of the batch run, or -1 for collected reports
 * @param workers    worker threads of the batch run, or 0
 * @param graded     submissions graded by this run
 * @param reused     submissions whose existing report was still current and was kept
 */
public record RunInfo(String source, String startedAt, long wallMillis, int workers, int graded, int reused) {

    /** Reports collected from elsewhere: no run of ours. */
    public static RunInfo collected(String source, int reports) {
        return new RunInfo(source, null, -1, 0, 0, reports);
    }

    /** Whether this describes a batch run. */
    public boolean batch() {
        return wallMillis >= 0;
    }
}
