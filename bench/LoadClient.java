import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lianxin's load client (run as a single-file program: {@code java bench/LoadClient.java ...}).
 * For each target it warms up, then sends requests at a fixed rate (open loop, so a slow server
 * shows as latency, not as a lower rate) and records p50 and p99, then measures the most requests
 * per second a few concurrent clients get. The first target is the baseline; every figure is also
 * printed as a ratio to it, because absolute times on a shared machine are noisy.
 *
 * Arguments: base URL, then key=value options (rate, seconds, warmup, concurrency, password, and
 * login.NAME=username for each identity), then targets NAME|IDENTITY|PATH (IDENTITY "anon" for none).
 */
public class LoadClient {

    record Figure(String name, double rps, double p50, double p99, long errors, long sent) {
    }

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Map<String, String> options = new HashMap<>();
        List<String[]> targets = new ArrayList<>();
        for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
            if (arg.contains("|")) {
                targets.add(arg.split("\\|", 3));
            } else {
                String[] kv = arg.split("=", 2);
                options.put(kv[0], kv[1]);
            }
        }
        int rate = Integer.parseInt(options.getOrDefault("rate", "100"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        String password = options.getOrDefault("password", "Bench@2026");
        Map<String, String> cookies = new HashMap<>();
        cookies.put("anon", null);
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (o.getKey().startsWith("login.")) {
                cookies.put(o.getKey().substring(6), login(base, o.getValue(), password));
            }
        }
        // warm every target up first, so that no figure pays for the JIT or the first query plans
        for (String[] target : targets) {
            closedLoop(URI.create(base + target[2]), cookies.get(target[1]), concurrency, warmup);
        }
        Figure baseline = null;
        for (String[] target : targets) {
            String cookie = cookies.get(target[1]);
            URI uri = URI.create(base + target[2]);
            Figure fixed = openLoop(target[0], uri, cookie, rate, seconds);
            double max = closedLoop(uri, cookie, concurrency, Math.max(5, seconds / 2));
            Figure figure = new Figure(target[0], max, fixed.p50(), fixed.p99(), fixed.errors(), fixed.sent());
            if (baseline == null) {
                baseline = figure;
            }
            System.out.println(json(figure, baseline, rate));
        }
        System.exit(0);
    }

    static String login(String base, String username, String password) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + username + " -> " + r.statusCode() + " " + r.body());
        }
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    static HttpRequest request(URI uri, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b.GET().build();
    }

    /** Requests at a fixed rate for the given time; latency from the scheduled send to the full answer. */
    static Figure openLoop(String name, URI uri, String cookie, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        HttpRequest request = request(uri, cookie);
        AtomicInteger sent = new AtomicInteger();
        long period = 1_000_000_000L / rate;
        ticker.scheduleAtFixedRate(() -> {
            if (sent.getAndIncrement() >= total) {
                return;
            }
            long start = System.nanoTime();
            CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e != null || r.statusCode() >= 400) {
                    errors.incrementAndGet();
                }
                latencies.add(System.nanoTime() - start);
                done.countDown();
            });
        }, 0, period, TimeUnit.NANOSECONDS);
        done.await(seconds + 30L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Figure(name, rate, percentile(sorted, 50), percentile(sorted, 99), errors.get() + (total - sorted.length),
                total);
    }

    /** The most requests per second {@code concurrency} clients get, each sending as soon as the last answer came. */
    static double closedLoop(URI uri, String cookie, int concurrency, int seconds) throws Exception {
        HttpRequest request = request(uri, cookie);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong count = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
                        count.incrementAndGet();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return count.get() / (double) seconds;
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }

    static String json(Figure f, Figure baseline, int rate) {
        return String.format(Locale.ROOT, "{\"name\":\"%s\",\"rps\":%.0f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"errors\":%d,"
                        + "\"sent\":%d,\"rate\":%d,\"baseline\":{\"name\":\"%s\",\"rps\":%.0f,\"p50_ms\":%.2f,\"p99_ms\":%.2f},"
                        + "\"ratio_p50\":%.2f,\"ratio_p99\":%.2f,\"ratio_rps\":%.3f}",
                f.name(), f.rps(), f.p50(), f.p99(), f.errors(), f.sent(), rate, baseline.name(), baseline.rps(),
                baseline.p50(), baseline.p99(), f.p50() / baseline.p50(), f.p99() / baseline.p99(), f.rps() / baseline.rps());
    }
}
