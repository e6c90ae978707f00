package org.lianxin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that drive Lianxin over real HTTP with the demo data loaded. All of them share
 * one application context (and one database: H2 in memory, or PostgreSQL when LIANXIN_DB_URL is
 * set), so each test makes the records it changes and names them uniquely.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Http as(String username) {
        return Http.as(port, username);
    }

    protected Http anonymous() {
        return new Http(port);
    }

    protected long areaId(String name) {
        return jdbc.queryForObject("select id from area where name = ?", Long.class, name);
    }

    protected String areaPath(String name) {
        return jdbc.queryForObject("select path from area where name = ?", String.class, name);
    }

    protected static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    /** A square polygon as GeoJSON text. */
    protected static String square(double west, double south, double size) {
        return String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                west, south, west + size, south, west + size, south + size, west, south + size, west, south);
    }

    /**
     * Lets a scheduled job run when a test calls it: each job holds its ShedLock for a while after any run (the
     * scheduler's own, or an earlier test's), and a call inside that time silently does nothing.
     */
    protected void freeJobLock(String name) {
        jdbc.update("update shedlock set lock_until = ? where name = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), name);
    }
}
