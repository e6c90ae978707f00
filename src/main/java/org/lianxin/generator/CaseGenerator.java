package org.lianxin.generator;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lianxin.shared.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A year of grid cases over a generated district's grids (bench/cases.sh): {@code count} cases reported evenly over
 * the 365 days before {@code now}, in realistic states — older cases mostly closed or rated (some rejected, marked
 * duplicate, or still open and overdue), recent ones spread over the open states with deadlines — written with
 * batched SQL, 2,000 rows a batch, one transaction per 20,000. Each case carries its report step. The same seed
 * gives the same cases.
 */
@Component
public class CaseGenerator {

    private static final String[] CATEGORIES = {"ENVIRONMENT", "ENVIRONMENT", "ENVIRONMENT", "LIVELIHOOD", "LIVELIHOOD",
            "DISPUTE", "SAFETY", "FACILITY", "FACILITY", "OTHER"};
    private static final String[] WHAT = {"楼道堆放杂物，影响通行", "垃圾桶满溢未及时清运", "路灯不亮，夜间出行不便", "井盖松动有异响",
            "邻里噪音纠纷", "电动车楼道充电", "绿化带被占用种菜", "小区门口占道经营", "高空抛物隐患", "下水道堵塞反味"};
    private static final String[] CHANNELS = {"PATROL", "PATROL", "PATROL", "RESIDENT", "RESIDENT", "PHONE", "WALK_IN"};
    private static final String[] OPEN = {"REPORTED", "ACCEPTED", "REGISTERED", "DISPATCHED", "HANDLING", "HANDLING",
            "HANDLED", "VERIFIED"};
    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+");
    private static final int BATCH = 2_000;
    private static final int PER_TRANSACTION = 20_000;

    private final JdbcTemplate jdbc;
    private final Ids ids;
    private final TransactionTemplate tx;

    CaseGenerator(JdbcTemplate jdbc, Ids ids, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.tx = tx;
    }

    private record Grid(String path, String name, double west, double south, double east, double north) {
    }

    /** Writes {@code count} cases over the grids under {@code districtPath}; returns how many. */
    public int generate(String districtPath, int count, long seed, Instant now, Consumer<String> progress) {
        List<Grid> grids = new ArrayList<>();
        jdbc.query("select path, name, boundary from area where level = 'GRID' and path like ? order by id",
                rs -> {
                    double[] box = box(rs.getString(3));
                    grids.add(new Grid(rs.getString(1), rs.getString(2), box[0], box[1], box[2], box[3]));
                }, districtPath + "%");
        if (grids.isEmpty()) {
            throw new IllegalStateException("no grids under " + districtPath);
        }
        Random random = new Random(seed * 7 + 3);
        long yearSeconds = Duration.ofDays(365).getSeconds();
        int written = 0;
        while (written < count) {
            int chunk = Math.min(PER_TRANSACTION, count - written);
            List<Object[]> cases = new ArrayList<>(chunk);
            List<Object[]> steps = new ArrayList<>(chunk);
            for (int i = 0; i < chunk; i++) {
                int n = written + i;
                Grid g = grids.get(random.nextInt(grids.size()));
                // evenly over the year, oldest first
                Instant reported = now.minusSeconds(yearSeconds - (long) n * yearSeconds / count + random.nextInt(3600));
                long ageDays = Duration.between(reported, now).toDays();
                double roll = random.nextDouble();
                String state;
                Instant closed = null;
                Instant stateSince;
                Instant deadline = null;
                Integer rating = null;
                boolean late = random.nextDouble() < 0.12;
                boolean escalated = random.nextDouble() < 0.09;
                long handlingHours = 2 + (long) (-Math.log(1 - random.nextDouble()) * 40); // skewed, median ≈ 30 h
                if (ageDays > 20 && roll < 0.86 || ageDays <= 20 && roll < 0.45 && handlingHours < ageDays * 24) {
                    closed = reported.plus(Duration.ofHours(Math.min(handlingHours, Math.max(1, ageDays * 24))));
                    boolean rated = random.nextDouble() < 0.6;
                    state = rated ? "RATED" : "CLOSED";
                    rating = rated ? 3 + random.nextInt(3) : null;
                    stateSince = closed;
                } else if (roll < (ageDays > 20 ? 0.90 : 0.50)) {
                    state = "REJECTED";
                    stateSince = reported.plus(Duration.ofHours(2));
                    escalated = false;
                    late = false;
                } else if (roll < (ageDays > 20 ? 0.93 : 0.53)) {
                    state = "DUPLICATE";
                    stateSince = reported.plus(Duration.ofHours(1));
                    escalated = false;
                    late = false;
                } else {
                    state = OPEN[random.nextInt(OPEN.length)];
                    stateSince = reported.plus(Duration.ofHours(Math.min(ageDays * 24, random.nextInt(48))));
                    deadline = stateSince.plus(Duration.ofHours(8 + random.nextInt(5 * 24)));
                    if (deadline.isBefore(now)) {
                        late = true;
                    }
                }
                String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                double lon = g.west() + (g.east() - g.west()) * random.nextDouble();
                double lat = g.south() + (g.north() - g.south()) * random.nextDouble();
                long id = ids.next("grid_case_seq");
                String level = escalated ? "COMMUNITY" : "GRID";
                String levelPath = escalated ? g.path().substring(0, g.path().lastIndexOf('/', g.path().length() - 2) + 1)
                        : g.path();
                cases.add(new Object[]{id, category, WHAT[random.nextInt(WHAT.length)], CHANNELS[random.nextInt(CHANNELS.length)],
                        lon, lat, g.path(), g.name(), level, levelPath, escalated ? "社区居委会" : g.name() + "网格员", state,
                        ts(stateSince), ts(deadline), ts(deadline != null && deadline.isBefore(now) ? deadline : null),
                        "居民" + (n % 997), ts(reported), ts(closed), rating, late, escalated});
                steps.add(new Object[]{id, ts(reported)});
            }
            tx.executeWithoutResult(s -> {
                for (int from = 0; from < cases.size(); from += BATCH) {
                    int to = Math.min(cases.size(), from + BATCH);
                    jdbc.batchUpdate("insert into grid_case (id, category, description, channel, longitude, latitude, "
                            + "area_path, grid_name, level, level_path, responsible_name, state, state_since, deadline, "
                            + "overdue_notified_at, reporter_name, reported_at, closed_at, rating, urge_count, "
                            + "supervision_open, version, late, escalated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            + "?, ?, ?, ?, 0, false, 0, ?, ?)", cases.subList(from, to));
                    jdbc.batchUpdate("insert into case_step (case_id, seq, action, from_state, to_state, by_name, at) "
                            + "values (?, 0, 'report', null, 'REPORTED', '网格员', ?)", steps.subList(from, to));
                }
            });
            written += chunk;
            progress.accept(written + " cases");
        }
        return written;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static double[] box(String geoJson) {
        double west = 180;
        double east = -180;
        double south = 90;
        double north = -90;
        if (geoJson != null) {
            Matcher m = NUMBER.matcher(geoJson);
            boolean lon = true;
            while (m.find()) {
                double v = Double.parseDouble(m.group());
                if (lon) {
                    west = Math.min(west, v);
                    east = Math.max(east, v);
                } else {
                    south = Math.min(south, v);
                    north = Math.max(north, v);
                }
                lon = !lon;
            }
        }
        return west > east ? new double[]{113.2, 23.05, 113.28, 23.15} : new double[]{west, south, east, north};
    }
}
