/**
 * The {@code dlcourse} command line (picocli): {@code grade} (the main job), {@code demo}, {@code classify},
 * {@code skeletons}, {@code fixtures}, {@code datasets} and {@code bench}. Commands print to picocli's writers and
 * return exit codes; they never call {@code System.exit} themselves (only {@link dlcourse.grader.cli.Main} does).
 */
package dlcourse.grader.cli;
