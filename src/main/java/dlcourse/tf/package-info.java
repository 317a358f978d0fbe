/**
 * Given helpers of assignment 9 (programming frameworks) that move numbers between the course's {@link
 * dlcourse.core.Matrix} and TensorFlow Java tensors: float32 tensors and constants made from matrices, and
 * fetched tensors read back as matrices, n-dimensional tensors or plain numbers.
 *
 * <p>This is the only place in the core module, besides the assignment's contract {@link
 * dlcourse.course.ProgrammingFrameworks}, that uses TensorFlow types; TensorFlow is an optional dependency of the
 * core, so nothing else loads it. Tensors a helper returns belong to the caller, who must close them
 * (try-with-resources); helpers never close a tensor they were given. No method accepts {@code null}.
 */
package dlcourse.tf;
