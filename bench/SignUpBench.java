import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sign-up benchmark client (bench/signups.sh): java bench/SignUpBench.java BASE PASSWORD MEMBERS_FILE ACTIVITIES
 * CAPACITY CONCURRENCY SECONDS [SMALL_CAPACITY SMALL_PERCENT]. MEMBERS_FILE has lines "communityId secretaryUsername
 * memberUsername". Each community's secretary publishes ACTIVITIES activities (a day apart) through the API:
 * SMALL_PERCENT of them (spread evenly) with SMALL_CAPACITY places, so that they fill during the run and the waitlist
 * path is measured, the others with CAPACITY places; every member logs in; then, closed loop with CONCURRENCY
 * clients: the trivial baseline (liveness), POST sign-ups (each request a distinct member and activity of his
 * community), and the member's activity list. One JSON line per figure, each with the baseline's figures and the
 * ratio; the sign-ups also split by their answer (activities.sign-up.SIGNED_UP, activities.sign-up.WAITLISTED), each
 * with its own p50/p95/p99 and rate over the same measured time.
 */
public class SignUpBench {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Session(String cookie, String xsrf) {
    }

    record Figure(String name, double rps, double p50, double p95, double p99, long errors, long sent,
                  Map<String, Integer> states, Map<String, Figure> byState) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String password = args[1];
        List<String> lines = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).toList();
        int perCommunity = Integer.parseInt(args[3]);
        int capacity = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        int smallCapacity = args.length > 7 ? Integer.parseInt(args[7]) : capacity;
        int smallPercent = args.length > 8 ? Integer.parseInt(args[8]) : 0;

        Map<Long, String> secretaries = new LinkedHashMap<>();
        Map<Long, List<String>> membersOf = new LinkedHashMap<>();
        for (String line : lines) {
            String[] p = line.trim().split("\\s+");
            long community = Long.parseLong(p[0]);
            secretaries.put(community, p[1]);
            membersOf.computeIfAbsent(community, c -> new ArrayList<>()).add(p[2]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        // activities, published by each community's secretary
        Map<Long, List<Long>> activitiesOf = new ConcurrentHashMap<>();
        Instant first = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        List<java.util.concurrent.Callable<Void>> setup = new ArrayList<>();
        for (Map.Entry<Long, String> s : secretaries.entrySet()) {
            setup.add(() -> {
                Session staff = login(base, s.getValue(), password);
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < perCommunity; i++) {
                    Instant start = first.plus(Duration.ofDays(i));
                    // SMALL_PERCENT of the activities, spread evenly over each community's list, are small
                    boolean small = (i + 1) * smallPercent / 100 > i * smallPercent / 100;
                    int places = small ? smallCapacity : capacity;
                    String body = String.format(Locale.ROOT, "{\"title\":\"基准测试活动 %d-%d\",\"description\":\"清理积水\","
                            + "\"areaId\":%d,\"place\":\"社区党群服务中心\",\"startsAt\":\"%s\",\"endsAt\":\"%s\","
                            + "\"capacity\":%d,\"skills\":[],\"organiserKind\":\"COMMUNITY\",\"organiserName\":\"社区党委\"}",
                            s.getKey(), i, s.getKey(), start, start.plus(Duration.ofHours(2)), places);
                    HttpResponse<String> r = CLIENT.send(post(base + "/api/v1/activities", staff, body),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("publish -> " + r.statusCode() + " " + r.body());
                    }
                    ids.add(Long.parseLong(r.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1")));
                }
                activitiesOf.put(s.getKey(), ids);
                return null;
            });
        }
        for (var f : pool.invokeAll(setup)) {
            f.get();
        }
        // every member logs in (once; not measured)
        Map<String, Session> sessions = new ConcurrentHashMap<>();
        List<java.util.concurrent.Callable<Void>> logins = new ArrayList<>();
        membersOf.values().forEach(ms -> ms.forEach(m -> logins.add(() -> {
            sessions.put(m, login(base, m, password));
            return null;
        })));
        for (var f : pool.invokeAll(logins)) {
            f.get();
        }
        pool.shutdown();
        // the sign-ups to send: every member of a community for every activity of it, shuffled
        List<Object[]> work = new ArrayList<>();
        membersOf.forEach((c, ms) -> ms.forEach(m -> activitiesOf.get(c).forEach(a -> work.add(new Object[] {m, a}))));
        Collections.shuffle(work, new Random(42));
        int activities = activitiesOf.values().stream().mapToInt(List::size).sum();
        System.err.printf(Locale.ROOT, "%d communities, %d members logged in, %d activities (%d%% with %d places, the "
                        + "others %d), %d sign-ups to send%n", secretaries.size(), sessions.size(), activities,
                smallPercent, smallCapacity, capacity, work.size());

        URI liveness = URI.create(base + "/actuator/health/liveness");
        run("baseline.liveness", concurrency, 3, i -> get(liveness, null), null);     // warm-up
        Figure baseline = run("baseline.liveness", concurrency, seconds, i -> get(liveness, null), null);
        AtomicInteger next = new AtomicInteger();
        Figure signUps = run("activities.sign-up", concurrency, seconds, i -> {
            int n = next.getAndIncrement();
            if (n >= work.size()) {
                return null;
            }
            Object[] w = work.get(n);
            return post(base + "/api/v1/activities/" + w[1] + "/sign-ups", sessions.get((String) w[0]), "{}");
        }, new ConcurrentHashMap<>());
        List<String> members = new ArrayList<>(sessions.keySet());
        URI list = URI.create(base + "/api/v1/activities?size=20");
        Figure lists = run("activities.list.member", concurrency, seconds,
                i -> get(list, sessions.get(members.get(i % members.size()))), null);
        List<Figure> figures = new ArrayList<>(List.of(baseline, signUps));
        new java.util.TreeMap<>(signUps.byState()).forEach((state, f) -> figures.add(f));
        figures.add(lists);
        for (Figure f : figures) {
            System.out.println(json(f, baseline, activities, sessions.size()));
        }
        System.exit(0);
    }

    interface Requests {
        HttpRequest make(int i) throws Exception;
    }

    /** Closed loop: {@code concurrency} clients each send as soon as the last answer came, for {@code seconds}. */
    static Figure run(String name, int concurrency, int seconds, Requests requests, Map<String, Integer> states)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Long>> latenciesByState = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        AtomicInteger counter = new AtomicInteger();
        long began = System.nanoTime();
        AtomicLong last = new AtomicLong(began);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpRequest r = requests.make(counter.getAndIncrement());
                        if (r == null) {
                            return;
                        }
                        long start = System.nanoTime();
                        HttpResponse<String> answer = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
                        long now = System.nanoTime();
                        latencies.add(now - start);
                        last.accumulateAndGet(now, Math::max);
                        if (answer.statusCode() >= 400) {
                            errors.incrementAndGet();
                            if (errors.get() <= 3) {
                                System.err.println(name + " -> " + answer.statusCode() + " " + answer.body());
                            }
                        } else if (states != null) {
                            String state = answer.body().replaceAll("(?s).*\"state\":\"([A-Z_]+)\".*", "$1");
                            states.merge(state, 1, Integer::sum);
                            latenciesByState.computeIfAbsent(state, k -> new ConcurrentLinkedQueue<>()).add(now - start);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double elapsed = (last.get() - began) / 1e9;
        // per answer: its latencies, and its rate over the same measured time (the rates add up to the whole)
        Map<String, Figure> byState = new HashMap<>();
        latenciesByState.forEach((state, queue) -> {
            long[] part = queue.stream().mapToLong(Long::longValue).sorted().toArray();
            byState.put(state, new Figure(name + "." + state, part.length / Math.max(elapsed, 0.001),
                    percentile(part, 50), percentile(part, 95), percentile(part, 99), 0, part.length, null, Map.of()));
        });
        return new Figure(name, sorted.length / Math.max(elapsed, 0.001), percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), errors.get(), sorted.length, states, byState);
    }

    static Session login(String base, String username, String password) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + username + " -> " + r.statusCode() + " " + r.body());
        }
        String session = null;
        String xsrf = null;
        for (String c : r.headers().allValues("set-cookie")) {
            String pair = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
            if (pair.startsWith("SESSION=")) {
                session = pair;
            } else if (pair.startsWith("XSRF-TOKEN=")) {
                xsrf = pair.substring("XSRF-TOKEN=".length());
            }
        }
        return new Session(session + (xsrf != null ? "; XSRF-TOKEN=" + xsrf : ""), xsrf);
    }

    static HttpRequest get(URI uri, Session s) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept",
                "application/json");
        if (s != null) {
            b.header("Cookie", s.cookie());
        }
        return b.GET().build();
    }

    static HttpRequest post(String url, Session s, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Cookie", s.cookie());
        if (s.xsrf() != null) {
            b.header("X-XSRF-TOKEN", s.xsrf());
        }
        return b.POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }

    static String json(Figure f, Figure b, int activities, int members) {
        StringBuilder states = new StringBuilder();
        if (f.states() != null) {
            new java.util.TreeMap<>(f.states()).forEach((k, v) -> states.append(states.length() == 0 ? "" : ",")
                    .append('"').append(k).append("\":").append(v));
        }
        return String.format(Locale.ROOT, "{\"name\":\"%s\",\"rps\":%.1f,\"p50_ms\":%.2f,\"p95_ms\":%.2f,"
                        + "\"p99_ms\":%.2f,\"errors\":%d,\"sent\":%d,\"activities\":%d,\"members\":%d%s,\"baseline\":"
                        + "{\"name\":\"%s\",\"rps\":%.0f,\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f},"
                        + "\"ratio_p50\":%.2f,\"ratio_p95\":%.2f,\"ratio_p99\":%.2f,\"ratio_rps\":%.3f}",
                f.name(), f.rps(), f.p50(), f.p95(), f.p99(), f.errors(), f.sent(), activities, members,
                f.states() != null ? ",\"states\":{" + states + "}" : "", b.name(), b.rps(), b.p50(), b.p95(), b.p99(),
                f.p50() / b.p50(), f.p95() / b.p95(), f.p99() / b.p99(), f.rps() / b.rps());
    }
}
