package org.lianxin.casework;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.AccountDirectory;
import org.lianxin.shared.AccountDirectory.AccountRef;
import org.lianxin.shared.Ids;
import org.lianxin.shared.InvalidInputException;
import org.lianxin.shared.Notice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What every channel shares when a case comes in, and what every step needs: routing a point (or a place's
 * path) to its grid and to that grid's workers, the deadlines of a category over the working calendar, who
 * answers for a case and who stands above them, the reporters and followers to tell, and the notices.
 */
@Component
class CaseIntake {

    /** Where a case lies: its smallest grid and the grid, community and subdistrict above it. */
    record Route(String areaPath, String gridName, AreaRef grid, AreaRef community, AreaRef subdistrict) {
    }

    private final Areas areas;
    private final AccountDirectory accounts;
    private final CaseCategoryRepository categories;
    private final WorkingCalendar calendar;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Ids ids;
    private final Clock clock;

    CaseIntake(Areas areas, AccountDirectory accounts, CaseCategoryRepository categories, WorkingCalendar calendar,
               JdbcTemplate jdbc, ApplicationEventPublisher events, Ids ids, Clock clock) {
        this.areas = areas;
        this.accounts = accounts;
        this.categories = categories;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    long nextId() {
        return ids.next("grid_case_seq");
    }

    long nextPatrolId() {
        return ids.next("patrol_seq");
    }

    /** The smallest grid around a WGS-84 point; a point outside every grid is a 400 naming the field. */
    Route route(double longitude, double latitude, String field) {
        AreaRef smallest = areas.smallestGridContaining(longitude, latitude)
                .orElseThrow(() -> new InvalidInputException(field, "case.location.outside-grids"));
        return routeAlong(smallest.path()).orElseThrow(() -> new InvalidInputException(field, "case.location.outside-grids"));
    }

    /** The deepest grid on a place's path (a building, a household), else its community. */
    Optional<Route> routeAlong(String path) {
        List<AreaRef> along = areas.along(path);
        AreaRef smallest = null;
        AreaRef grid = null;
        AreaRef community = null;
        AreaRef subdistrict = null;
        for (AreaRef a : along) {
            switch (a.level()) {
                case "GRID" -> {
                    grid = a;
                    smallest = a;
                }
                case "MICRO_GRID" -> smallest = a;
                case "COMMUNITY" -> community = a;
                case "SUBDISTRICT" -> subdistrict = a;
                default -> {
                }
            }
        }
        if (smallest == null && community == null) {
            return Optional.empty();
        }
        if (smallest == null) {
            return Optional.of(new Route(community.path(), community.name(), null, community, subdistrict));
        }
        return Optional.of(new Route(smallest.path(), smallest.name(), grid == null ? smallest : grid, community, subdistrict));
    }

    /** A new case is the grid's: its workers answer for it, or the community while the grid has none. */
    Case.Holder gridHolder(Route route) {
        if (route.grid() == null) {
            return new Case.Holder(CaseLevel.COMMUNITY, route.community().path(), route.community().name(), null);
        }
        List<AccountRef> workers = accounts.accountsWithRoleAt("GRID_WORKER", route.areaPath());
        if (workers.isEmpty()) {
            return new Case.Holder(CaseLevel.GRID, route.grid().path(),
                    route.community() == null ? route.grid().name() : route.community().name(), null);
        }
        String names = String.join("、", workers.stream().map(AccountRef::displayName).toList());
        return new Case.Holder(CaseLevel.GRID, route.grid().path(), names.length() > 200 ? names.substring(0, 200) : names,
                workers.size() == 1 ? workers.get(0).id() : null);
    }

    /** The community a case lies in, as the holder of a case it takes back (a return visit found it not done). */
    Optional<Case.Holder> communityHolder(Case caze) {
        return routeAlong(caze.areaPath()).filter(r -> r.community() != null)
                .map(r -> new Case.Holder(CaseLevel.COMMUNITY, r.community().path(), r.community().name(), null));
    }

    /** The community's secretary and staff (who make return visits) for a case's place. */
    Set<Long> communityStaff(String areaPath) {
        Set<Long> all = new LinkedHashSet<>();
        routeAlong(areaPath).filter(r -> r.community() != null).ifPresent(r -> {
            add(all, "COMMUNITY_SECRETARY", r.community().path());
            add(all, "COMMUNITY_STAFF", r.community().path());
        });
        return all;
    }

    /** The level above a case's level: where escalation sends it. */
    Optional<Case.Holder> above(Case caze, String unit) {
        Optional<Route> route = routeAlong(caze.areaPath());
        if (route.isEmpty()) {
            return Optional.empty();
        }
        if (unit != null && !unit.isBlank()) {
            if (caze.level() == CaseLevel.GRID || caze.level() == CaseLevel.UNIT) {
                return Optional.empty();
            }
            return Optional.of(new Case.Holder(CaseLevel.UNIT, caze.levelPath(), unit.strip(), null));
        }
        Route r = route.get();
        return switch (caze.level()) {
            case GRID -> r.community() == null ? Optional.empty()
                    : Optional.of(new Case.Holder(CaseLevel.COMMUNITY, r.community().path(), r.community().name(), null));
            case COMMUNITY -> r.subdistrict() == null ? Optional.empty()
                    : Optional.of(new Case.Holder(CaseLevel.SUBDISTRICT, r.subdistrict().path(), r.subdistrict().name(), null));
            default -> Optional.empty();
        };
    }

    CaseCategory category(String code, String field) {
        return Optional.ofNullable(code).flatMap(categories::findById).filter(CaseCategory::active)
                .orElseThrow(() -> new InvalidInputException(field, "case.category.unknown"));
    }

    /** The deadlines of a category's steps over the working calendar. */
    Case.Deadlines deadlines(String categoryCode) {
        CaseCategory category = categories.findById(categoryCode).orElseThrow();
        return (state, level, from) -> {
            TimeLimit limit = category.limitEntering(state, level);
            return limit == null ? null : limit.from(from, calendar);
        };
    }

    /** The accounts that answer for the case now: the person it was dispatched to, else the staff of its level. */
    Set<Long> responsible(Case caze) {
        if (caze.responsibleAccountId() != null) {
            return Set.of(caze.responsibleAccountId());
        }
        Set<Long> all = new LinkedHashSet<>();
        switch (caze.level()) {
            case GRID -> {
                add(all, "GRID_WORKER", caze.areaPath());
                if (all.isEmpty()) {
                    add(all, "COMMUNITY_SECRETARY", caze.levelPath());
                    add(all, "COMMUNITY_STAFF", caze.levelPath());
                }
            }
            case COMMUNITY, UNIT -> {
                add(all, "COMMUNITY_SECRETARY", caze.levelPath());
                add(all, "COMMUNITY_STAFF", caze.levelPath());
                add(all, "SUBDISTRICT_OFFICER", caze.levelPath());
            }
            case SUBDISTRICT -> add(all, "SUBDISTRICT_OFFICER", caze.levelPath());
        }
        return all;
    }

    /** The accounts of the level above the one that holds the case: they hear of overdue cases and may press. */
    Set<Long> aboveOf(Case caze) {
        Set<Long> all = new LinkedHashSet<>();
        if (caze.level() == CaseLevel.GRID) {
            add(all, "COMMUNITY_SECRETARY", caze.levelPath());
            add(all, "COMMUNITY_STAFF", caze.levelPath());
        } else {
            add(all, "SUBDISTRICT_OFFICER", caze.levelPath());
        }
        return all;
    }

    private void add(Set<Long> all, String role, String path) {
        accounts.accountsWithRoleAt(role, path).forEach(a -> all.add(a.id()));
    }

    /** The reporter and the reporters of its duplicates, who follow it. */
    Set<Long> reporters(Case caze) {
        Set<Long> all = new LinkedHashSet<>(followers(caze.id()));
        if (caze.reporterAccountId() != null) {
            all.add(caze.reporterAccountId());
        }
        return all;
    }

    List<Long> followers(long caseId) {
        return jdbc.queryForList("select account_id from case_follower where case_id = ? order by account_id", Long.class,
                caseId);
    }

    boolean follows(long caseId, long accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from case_follower where case_id = ? and account_id = ?", Boolean.class, caseId, accountId));
    }

    List<Long> followedBy(long accountId) {
        return jdbc.queryForList("select case_id from case_follower where account_id = ?", Long.class, accountId);
    }

    void follow(long caseId, long accountId) {
        if (!follows(caseId, accountId)) {
            jdbc.update("insert into case_follower (case_id, account_id) values (?, ?)", caseId, accountId);
        }
    }

    /** Tell accounts about a step of a case (once per recipient, kind and step). */
    void tell(Set<Long> recipients, String kind, Case caze, String link, String... args) {
        Set<Long> to = new LinkedHashSet<>(recipients);
        if (to.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>();
        all.add(String.valueOf(caze.id()));
        all.addAll(List.of(args));
        events.publishEvent(new Notice(to, kind, all, link, "Case", caze.id() + ":" + kind + ":" + caze.lastStep()
                + (caze.deadline() == null ? "" : ":" + caze.deadline().toEpochMilli())));
    }

    /** Short text for notices: the first 30 characters of the description. */
    static String gist(Case caze) {
        String d = caze.description();
        return d.length() <= 30 ? d : d.substring(0, 30) + "…";
    }

    Clock clock() {
        return clock;
    }

    java.time.ZoneId zone() {
        return calendar.zone();
    }

    static Comparator<Case> newestFirst() {
        return Comparator.comparing(Case::reportedAt).reversed();
    }
}
