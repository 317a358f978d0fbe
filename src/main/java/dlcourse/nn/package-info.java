/**
 * The network building blocks the course hands to students ready-made: {@link dlcourse.nn.Parameters} and
 * {@link dlcourse.nn.Grads} (ordered maps keyed {@code W1}, {@code db2}, {@code dA0} as the course keys them), the
 * caches of the deep network's steps (records), the activations with their backward steps, and the course 2
 * three-layer network.
 *
 * <p>Package policies: one example per column; nothing here modifies its inputs (maps and caches are immutable);
 * {@code null} is never accepted or returned.
 */
package dlcourse.nn;
