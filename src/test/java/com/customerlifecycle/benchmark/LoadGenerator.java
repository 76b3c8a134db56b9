package com.customerlifecycle.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A closed-loop load generator: a fixed number of clients, each sending its next request as soon as the previous one
 * was answered, first for a warm-up (not counted), then for the measured time. Only answers that arrived inside the
 * measured time count; any answer other than 2xx counts as a failure.
 */
final class LoadGenerator {

    /** Throughput and latency (milliseconds) of the measured time. */
    record Load(int clients, long answered, long failed, double perSecond, double p50, double p95, double p99,
                String firstFailure) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Load run(int clients, Duration warmUp, Duration measured, Supplier<HttpRequest> requests) {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Client>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> new Client().loop(requests, measureFrom, measureUntil)));
            }
            List<Client> done = new ArrayList<>();
            for (Future<Client> client : running) {
                done.add(client.get());
            }
            long[] latencies = done.stream().flatMapToLong(client -> Arrays.stream(client.latencies, 0, client.count))
                    .sorted().toArray();
            long failed = done.stream().mapToLong(client -> client.failed).sum();
            String firstFailure = done.stream().map(client -> client.firstFailure).filter(f -> f != null).findFirst()
                    .orElse(null);
            return new Load(clients, latencies.length, failed, latencies.length / (measured.toNanos() / 1e9),
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), firstFailure);
        } catch (Exception e) {
            throw new IllegalStateException("The load generator failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The percentile of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private final class Client {
        long[] latencies = new long[1024];
        int count;
        long failed;
        String firstFailure;

        Client loop(Supplier<HttpRequest> requests, long measureFrom, long measureUntil) throws InterruptedException {
            while (System.nanoTime() < measureUntil) {
                HttpRequest request = requests.get();
                long sent = System.nanoTime();
                String failure;
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    failure = response.statusCode() / 100 == 2 ? null : response.statusCode() + " " + response.body();
                } catch (IOException e) {
                    failure = e.toString();
                }
                long answered = System.nanoTime();
                if (sent >= measureFrom && answered <= measureUntil) {
                    if (failure == null) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = answered - sent;
                    } else {
                        failed++;
                    }
                }
                if (failure != null && firstFailure == null) {
                    firstFailure = failure;
                }
            }
            return this;
        }
    }
}
