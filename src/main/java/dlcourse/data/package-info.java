/**
 * The course datasets, loaded from files or generated: the cat and SIGNS images, the football data, and the
 * planar flower, circles, moons, blobs and gaussian-quantile sets, generated exactly as numpy and
 * scikit-learn generate them.
 *
 * <p>Package policies: the layout is one column per example, so inputs have shape (features, m) and labels
 * shape (1, m); every generator takes its {@link dlcourse.core.RandomState} explicitly (convenience methods
 * that seed as the course does say which seed they use), and there is no hidden global generator;
 * {@code null} is never accepted or returned.
 */
package dlcourse.data;
