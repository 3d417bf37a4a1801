package io.financing.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs a task on many threads released together, for tests of concurrent writers. */
final class Concurrently {

    interface Task<T> {
        T run(int thread) throws Exception;
    }

    private Concurrently() {
    }

    /** Returns what each thread's run returned, in the threads' order. */
    static <T> List<T> onThreads(int count, Task<T> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            var start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int thread = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.run(thread);
                }));
            }
            start.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }
}
