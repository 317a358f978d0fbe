package dlcourse.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    @Test
    void two_threads_capturing_at_once_each_get_only_their_own_output() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(() -> Console.capture(() -> print("a", together)));
            Future<String> b = pool.submit(() -> Console.capture(() -> print("b", together)));
            assertEquals("a0\na1\na2\na3\na4\n", a.get());
            assertEquals("b0\nb1\nb2\nb3\nb4\n", b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void print(String who, CyclicBarrier together) {
        for (int i = 0; i < 5; i++) {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            System.out.println(who + i);
        }
    }

    @Test
    void a_diverted_thread_and_the_threads_it_starts_print_into_the_sink() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        CountDownLatch done = new CountDownLatch(1);
        Console.divert(sink, () -> {
            System.out.println("worker");
            System.err.println("worker error");
            Thread child = new Thread(() -> {
                System.out.println("child");
                done.countDown();
            });
            child.start();
            child.join();
            return null;
        });
        done.await();
        assertEquals("worker\nworker error\nchild\n", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_capture_inside_a_diversion_takes_the_output_and_the_rest_goes_to_the_sink() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        String captured = Console.divert(sink, () -> {
            System.out.println("before");
            String inner = Console.capture(() -> System.out.println("inside"));
            System.out.println("after");
            return inner;
        });
        assertEquals("inside\n", captured);
        assertEquals("before\nafter\n", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_bounded_sink_keeps_the_start_and_counts_the_rest() {
        Console.Bounded sink = new Console.Bounded(4);
        sink.write("abcdefgh".getBytes(StandardCharsets.UTF_8), 0, 8);
        sink.write('i');
        assertEquals("abcd\n[... 5 more bytes not kept]\n", sink.text());
        assertTrue(new Console.Bounded(10).text().isEmpty());
    }
}
