package org.lianxin.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lianxin.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Visit coverage (事件统计's 走访覆盖率) counted in the database, over a small fixed data set in a community of its own
 * made directly in the tables: exact figures for overdue and not overdue, the weekly rule for an elderly resident
 * living alone (and not for one who is only elderly), a visit before the assignment started, an ended assignment and
 * another community left out; and the same figures as {@link DueVisits} gives one assignment at a time.
 */
class VisitCoverageTests extends ApiTest {

    @Autowired
    VisitCoverage coverage;

    @Autowired
    DueVisits due;

    @Autowired
    ContactAssignmentRepository assignments;

    private static long newId() {
        return 9_000_000 + ThreadLocalRandom.current().nextInt(900_000);
    }

    private static Timestamp daysAgo(int days) {
        return Timestamp.from(Instant.now().minusSeconds(days * 86_400L));
    }

    private String newArea(long parent, String parentPath, String level) {
        long id = newId();
        String path = parentPath + id + "/";
        jdbc.update("insert into area (id, parent_id, level, name, code, path, boundary, version) values "
                + "(?, ?, ?, ?, null, ?, null, 0)", id, parent, level, unique("统计社区覆盖率" + level), path);
        return path;
    }

    private static long idOf(String path) {
        String[] parts = path.split("/");
        return Long.parseLong(parts[parts.length - 1]);
    }

    /** A household in a building of its own under the grid, its one resident with these tags, in contact since then. */
    private long contact(String gridPath, int startedDaysAgo, boolean active, String tags, Integer visitedDaysAgo) {
        String path = newArea(idOf(gridPath), gridPath, "BUILDING");
        long id = idOf(path);
        jdbc.update("insert into household (id, building_id, door_number, area_path, created_at, version) values "
                + "(?, ?, '0101', ?, current_timestamp, 0)", id, id, path);
        jdbc.update("insert into resident (id, household_id, name, id_number_cipher, id_number_index, gender, birth_date, "
                        + "relation, tags, area_path, created_at, version) values (?, ?, '覆盖率测试', 'x', ?, 'F', date '1940-01-01', "
                        + "'HOUSEHOLDER', ?, ?, current_timestamp, 0)",
                id, id, unique("cov") + id, tags, path);
        jdbc.update("insert into contact_assignment (id, member_id, member_name, community_id, household_id, area_path, "
                        + "started_at, started_by, ended_at, active_key, version) values (?, 1, '测试党员', ?, ?, ?, ?, '测试', ?, ?, 0)",
                id, idOf(gridPath), id, path, daysAgo(startedDaysAgo), active ? null : daysAgo(1), active ? id : null);
        if (visitedDaysAgo != null) {
            jdbc.update("insert into visit (id, kind, household_id, area_path, visitor_account_id, visitor_name, visited_at, "
                            + "seen, resident_present, checklist, created_at) values (?, 'HOUSEHOLD', ?, ?, 1, '测试党员', ?, "
                            + "'看望', true, '', current_timestamp)",
                    id, id, path, daysAgo(visitedDaysAgo));
        }
        return id;
    }

    private final List<String> communities = new java.util.ArrayList<>();

    /** Takes away what the test made (its residents carry no real sealed ID numbers, which other tests would read). */
    @org.junit.jupiter.api.AfterEach
    void giveBack() {
        for (String path : communities) {
            String under = path + "%";
            jdbc.update("delete from visit where area_path like ?", under);
            jdbc.update("delete from contact_assignment where area_path like ?", under);
            jdbc.update("delete from resident where area_path like ?", under);
            jdbc.update("delete from household where area_path like ?", under);
            for (String area : jdbc.queryForList("select path from area where path like ? order by length(path) desc",
                    String.class, under)) {
                jdbc.update("delete from area where path = ?", area);
            }
        }
    }

    @Test
    void countsHouseholdsUnderEachPrefixAndThoseNotOverdue() {
        String subdistrict = areaPath("西南街道");
        String community = newArea(areaId("西南街道"), subdistrict, "COMMUNITY");
        communities.add(community);
        String gridA = newArea(idOf(community), community, "GRID");
        String gridB = newArea(idOf(community), community, "GRID");
        String elsewhere = newArea(areaId("西南街道"), subdistrict, "COMMUNITY");
        communities.add(elsewhere);
        String elsewhereGrid = newArea(idOf(elsewhere), elsewhere, "GRID");

        contact(gridA, 40, true, ",", 10);                          // visited 10 days ago, due every 30: in time
        contact(gridA, 40, true, ",", null);                        // never visited, started 40 days ago: overdue
        contact(gridA, 40, true, ",ELDERLY,LIVING_ALONE,", 10);     // weekly, visited 10 days ago: overdue
        contact(gridA, 40, true, ",ELDERLY,LIVING_ALONE,", 3);      // weekly, visited 3 days ago: in time
        contact(gridA, 10, true, ",", 60);                          // the visit predates the contact; started 10 days ago
        contact(gridA, 40, true, ",ELDERLY,", 10);                  // elderly only: every 30 days, in time
        contact(gridA, 40, false, ",", null);                       // ended: not counted
        contact(gridB, 31, true, ",", null);                        // overdue by a day
        contact(elsewhereGrid, 1, true, ",", null);                 // another community

        List<VisitCoverage.Coverage> figures = coverage.under(List.of(community, gridA, gridB, elsewhere));
        assertThat(figures).containsExactly(new VisitCoverage.Coverage(7, 4), new VisitCoverage.Coverage(6, 4),
                new VisitCoverage.Coverage(1, 0), new VisitCoverage.Coverage(1, 1));
        assertThat(figures.get(0).rate()).isEqualTo(4.0 / 7);
        assertThat(coverage.under(List.of(newArea(idOf(gridB), gridB, "BUILDING"))))
                .containsExactly(new VisitCoverage.Coverage(0, 0));
        assertThat(coverage.under(List.of(newArea(idOf(gridB), gridB, "BUILDING"))).get(0).rate()).isNull();

        // the same figures as the due dates of the visit schedule, one assignment at a time
        List<DueVisits.Due> all = due.of(assignments.findByActiveKeyIsNotNull());
        for (String prefix : List.of(community, gridA, gridB, elsewhere, subdistrict)) {
            long households = all.stream().filter(d -> d.assignment().areaPath().startsWith(prefix)).count();
            long inTime = all.stream().filter(d -> d.assignment().areaPath().startsWith(prefix))
                    .filter(d -> d.status() != DueVisits.Status.OVERDUE).count();
            assertThat(coverage.under(List.of(prefix))).as(prefix)
                    .containsExactly(new VisitCoverage.Coverage(households, inTime));
        }
    }
}
