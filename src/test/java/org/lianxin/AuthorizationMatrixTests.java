package org.lianxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lianxin.Http.Response;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of the OpenAPI document as every demo role and as nobody, against records
 * of a district no demo account covers. It fails on any 5xx, on any 2xx for a call that targets
 * those records, on any list that shows them, and on any answer but 401 to an anonymous caller.
 * Endpoints added later are covered without editing this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests extends ApiTest {

    static final String MARK = "矩阵外区";
    /** Operations meant for people without an account (resident self-signup); anonymous callers reach them. */
    static final java.util.Set<String> ANONYMOUS = java.util.Set.of("post /api/v1/resident-signups/codes",
            "post /api/v1/resident-signups", "post /api/v1/resident-signups/places");
    static final String[] ROLES = {"sysadmin", "secadmin", "auditor", "xinan", "beijiang", "shatou", "bjstaff", "grid3",
            "louzhang", "member", "resident", "telecom"};

    private final Map<String, Long> foreign = new LinkedHashMap<>();
    private final Map<String, Long> home = new LinkedHashMap<>();
    private long target;
    private String buildingPath;
    private int counter;

    @BeforeAll
    void makeAForeignDistrict() {
        long base = 9_000_000 + (System.nanoTime() % 100_000) * 10;
        long district = base;
        long subdistrict = base + 1;
        long community = base + 2;
        long grid = base + 3;
        String insert = "insert into area (id, parent_id, level, name, code, path, boundary, version) values (?, ?, ?, ?, null, ?, null, 0)";
        jdbc.update(insert, district, null, "DISTRICT", "南海区" + MARK + base, "/" + district + "/");
        jdbc.update(insert, subdistrict, district, "SUBDISTRICT", "桂城街道" + MARK, "/" + district + "/" + subdistrict + "/");
        String communityPath = "/" + district + "/" + subdistrict + "/" + community + "/";
        jdbc.update(insert, community, subdistrict, "COMMUNITY", "海三社区" + MARK, communityPath);
        jdbc.update(insert, grid, community, "GRID", "海三第一网格" + MARK, communityPath + grid + "/");
        jdbc.update("insert into org_unit (id, parent_id, level, name, path, area_id, area_path, version) values (?, null, "
                + "'COMMUNITY_COMMITTEE', ?, ?, ?, ?, 0)", base, "海三社区党委" + MARK, "/" + base + "/", community, communityPath);
        jdbc.update("insert into partner_unit (id, name, kind, address, description, area_id, area_path, created_at, version) "
                + "values (?, ?, 'ENTERPRISE', null, null, ?, ?, current_timestamp, 0)", base, "海三企业" + MARK + base,
                community, communityPath);
        jdbc.update("insert into partner_contact (id, partner_unit_id, name, position, phone_cipher, phone_index, account_id, "
                + "username) values (?, ?, ?, null, 'x', 'x', null, null)", base, base, "海三联系人" + MARK);
        jdbc.update("insert into partner_pairing (id, partner_unit_id, community_id, community_path, since, until, note, active) "
                + "values (?, ?, ?, ?, date '2026-01-01', null, null, true)", base, base, community, communityPath);
        jdbc.update("insert into grid_role (id, grid_id, area_path, kind, person_name, phone_cipher, phone_index, note, created_at) "
                + "values (?, ?, ?, 'VOLUNTEER', ?, null, null, null, current_timestamp)", base, grid, communityPath + grid + "/",
                "海三志愿者" + MARK);
        foreign.putAll(Map.of("area", grid, "community", community, "orgUnit", base, "partnerUnit", base, "contact", base,
                "pairing", base, "gridRole", base));
        long compound = base + 4;
        long building = base + 5;
        buildingPath = communityPath + grid + "/" + compound + "/" + building + "/";
        jdbc.update(insert, compound, grid, "COMPOUND", "海三花园" + MARK, communityPath + grid + "/" + compound + "/");
        jdbc.update(insert, building, compound, "BUILDING", "1座" + MARK, buildingPath);
        jdbc.update("insert into household (id, building_id, door_number, area_path, created_at, version) values "
                + "(?, ?, ?, ?, current_timestamp, 0)", base, building, "1座" + MARK, buildingPath);
        jdbc.update("insert into resident (id, household_id, name, id_number_cipher, id_number_index, phone_cipher, "
                + "phone_index, gender, birth_date, relation, tags, area_path, account_id, created_at, version) values "
                + "(?, ?, ?, 'x', ?, null, null, 'F', date '1950-01-01', 'HOUSEHOLDER', ',ELDERLY,', ?, null, "
                + "current_timestamp, 0)", base, base, "海三居民" + MARK, "matrix" + base, buildingPath);
        foreign.putAll(Map.of("building", building, "household", base, "resident", base, "signup", base));
        // member module: a member of the foreign community, his registration and a unit registration there
        jdbc.update("insert into member (id, name, gender, id_number_cipher, id_number_index, community_id, area_path, "
                + "employment, skills, fact_health, care_category, created_at, version) values (?, ?, 'M', 'x', ?, ?, ?, "
                + "'IN_SERVICE', ',LAW,', ?, 'IMMOBILE', current_timestamp, 0)", base, "海三党员" + MARK, "matrix" + base,
                community, communityPath, "海三健康" + MARK);
        jdbc.update("insert into registration (id, member_id, community_id, community_path, grid_id, skills, availability, "
                + "note, state, active_key, applied_at, version) values (?, ?, ?, ?, ?, ',LAW,', 'WEEKENDS', ?, 'PENDING', ?, "
                + "current_timestamp, 0)", base, base, community, communityPath, grid, "海三报到" + MARK, base + ":" + community);
        jdbc.update("insert into unit_registration (id, partner_unit_id, unit_name, party_organization, community_id, "
                + "community_path, offer, state, active_key, applied_at, applied_by, version) values (?, ?, ?, ?, ?, ?, null, "
                + "'PENDING', ?, current_timestamp, 'x', 0)", base, base, "海三企业" + MARK, "海三企业党委" + MARK, community,
                communityPath, base + ":" + community);
        foreign.putAll(Map.of("member", base, "registration", base, "unitRegistration", base));
        // spreadsheet imports: a finished job uploaded for the foreign community, with one rejected line
        String job = "insert into import_job (id, kind, account_id, username, scope_path, read_permission, file_name, state, "
                + "total_rows, processed, imported, skipped, rejected, created_at) values (?, 'MEMBERS', -1, 'x', ?, "
                + "'member:member:read', ?, 'DONE', 1, 1, 0, 0, 1, current_timestamp)";
        jdbc.update(job, base, communityPath, "海三名册" + MARK + ".xlsx");
        jdbc.update("insert into import_row_issue (job_id, seq, row_number, column_name, message_key, message_args) "
                + "values (?, 1, 2, 'community', 'import.community.unknown', ?)", base, "海三" + MARK);
        foreign.put("importJob", base);

        // building leaders and the mailbox: a recruitment in the foreign compound, a nomination, a leader, a message
        String foreignCompoundPath = communityPath + grid + "/" + compound + "/";
        jdbc.update("insert into building_leader_recruitment (id, community_id, compound_id, area_path, title, body, "
                + "building_ids, closes_on, state, created_by, created_at, version) values (?, ?, ?, ?, ?, 'x', ?, "
                + "date '2099-01-01', 'OPEN', 'x', current_timestamp, 0)", base, community, compound, foreignCompoundPath,
                "海三招募令" + MARK, "," + building + ",");
        jdbc.update("insert into building_leader_nomination (id, recruitment_id, member_id, area_path, kind, building_ids, "
                + "statement, state, active_key, created_at, version) values (?, ?, ?, ?, 'SELF', ?, ?, 'PENDING', ?, "
                + "current_timestamp, 0)", base, base, base, foreignCompoundPath, "," + building + ",", "海三自荐" + MARK,
                base + ":" + base);
        jdbc.update("insert into building_leader (id, member_id, account_id, nomination_id, community_id, compound_id, "
                + "area_path, term_start, term_end, letter_number, state, appointed_by, appointed_at, version) values "
                + "(?, ?, null, null, ?, ?, ?, date '2026-01-01', date '2099-01-01', ?, 'ACTIVE', 'x', current_timestamp, 0)",
                base, base, community, compound, foreignCompoundPath, "海三聘" + MARK);
        jdbc.update("insert into building_leader_building (leader_id, building_id, active_building_id) values (?, ?, ?)",
                base, building, building);
        jdbc.update("insert into mailbox_message (id, building_id, area_path, resident_id, account_id, anonymous, text, "
                + "state, created_at, version) values (?, ?, ?, ?, -1, false, ?, 'NEW', current_timestamp, 0)", base,
                building, buildingPath, base, "海三来信" + MARK);
        jdbc.update("insert into mailbox_photo (id, message_id, content_type, size_bytes, data) values (?, ?, 'image/png', 1, ?)",
                base, base, new byte[] {1});
        foreign.putAll(Map.of("compound", compound, "recruitment", base, "nomination", base, "leader", base,
                "mailboxMessage", base, "photo", base));
        // grid cases: a reported case in the foreign grid, with a photo
        jdbc.update("insert into grid_case (id, category, description, channel, area_path, grid_name, level, level_path, "
                + "responsible_name, state, state_since, reporter_name, reported_at, urge_count, supervision_open, version) "
                + "values (?, 'OTHER', ?, 'PHONE', ?, 'x', 'GRID', ?, 'x', 'REPORTED', current_timestamp, 'x', "
                + "current_timestamp, 0, false, 0)", base, "海三事件" + MARK, communityPath + grid + "/", communityPath + grid + "/");
        jdbc.update("insert into case_photo (id, case_id, step_seq, content_type, size_bytes, data) values (?, ?, 0, "
                + "'image/png', 1, ?)", base, base, new byte[] {1});
        foreign.putAll(Map.of("case", base, "casePhoto", base));
        // micro-wishes: a published wish of the foreign resident, with its photo and a fulfilment photo
        jdbc.update("insert into wish (id, title, story, category, estimated_value, resident_id, household_id, compound_name, "
                + "area_path, state, submitted_by, submitted_on_behalf, submitted_at, version) values (?, ?, ?, 'OTHER', 10, "
                + "?, ?, ?, ?, 'PUBLISHED', 'x', true, current_timestamp, 0)", base, "海三心愿" + MARK, "海三故事" + MARK,
                base, base, "海三花园" + MARK, buildingPath);
        jdbc.update("insert into wish_photo (id, wish_id, kind, content_type, size_bytes, data) values (?, ?, 'SUBMITTED', "
                + "'image/png', 1, ?)", base, base, new byte[] {1});
        jdbc.update("insert into wish_photo (id, wish_id, kind, content_type, size_bytes, data) values (?, ?, 'FULFILMENT', "
                + "'image/png', 1, ?)", base + 1, base, new byte[] {1});
        // volunteer: an activity of the foreign community, with a cover
        java.sql.Timestamp soon = java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(86_400L * 40));
        java.sql.Timestamp later = java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(86_400L * 40 + 7200));
        jdbc.update("insert into activity (id, title, description, area_id, area_name, area_path, place, starts_at, ends_at, "
                + "sign_up_opens_at, sign_up_closes_at, capacity, taken, skills, campaign_action_id, organiser_kind, "
                + "organiser_name, created_by_account_id, created_by, created_at, state, version) values (?, ?, null, ?, ?, ?, "
                + "?, ?, ?, current_timestamp, ?, 10, 0, ',', null, 'COMMUNITY', ?, -1, 'x', current_timestamp, 'PUBLISHED', 0)",
                base, "海三活动" + MARK, community, "海三社区" + MARK, communityPath, "海三广场" + MARK, soon, later, soon,
                "海三社区党委" + MARK);
        jdbc.update("insert into activity_cover (activity_id, content_type, size_bytes, data) values (?, 'image/png', 1, ?)",
                base, new byte[] {1});
        foreign.put("activity", base);
        jdbc.update("insert into service_team (id, name, kind, description, area_id, area_name, area_path, leader_member_id, "
                + "leader_name, created_by, created_at, version) values (?, ?, 'INTEREST', null, ?, ?, ?, ?, ?, 'x', "
                + "current_timestamp, 0)", base, "海三服务队" + MARK, community, "海三社区" + MARK, communityPath, base,
                "海三队长" + MARK);
        foreign.put("serviceTeam", base);
        jdbc.update("insert into campaign (id, name, description, area_id, area_name, area_path, starts_on, ends_on, state, "
                + "created_by, created_at, rolled_out_at, version) values (?, ?, null, ?, ?, ?, date '2026-01-01', "
                + "date '2026-12-31', 'DRAFT', 'x', current_timestamp, null, 0)", base, "海三行动" + MARK, subdistrict,
                "桂城街道" + MARK, "/" + district + "/" + subdistrict + "/");
        foreign.put("campaign", base);
        foreign.put("wish", base);
        // micro-projects: one published in the foreign community, with a progress update carrying a photo
        jdbc.update("insert into micro_project (id, title, description, budget, max_units, area_id, area_name, area_path, "
                + "state, published_by, published_at, version) values (?, ?, ?, 100, 1, ?, ?, ?, 'PUBLISHED', 'x', "
                + "current_timestamp, 0)", base, "海三项目" + MARK, "海三内容" + MARK, community, "海三社区" + MARK,
                communityPath);
        jdbc.update("insert into micro_project_update (id, project_id, by_name, at, text, photo_type, photo) values "
                + "(?, ?, 'x', current_timestamp, ?, 'image/png', ?)", base, base, "海三进展" + MARK, new byte[] {1});
        foreign.putAll(Map.of("microProject", base, "projectUpdate", base));

        // care: a contact assignment of the foreign member to the foreign household, and a visit there with a photo
        jdbc.update("insert into contact_assignment (id, member_id, member_account_id, member_name, community_id, household_id, "
                + "area_path, started_at, started_by, active_key, version) values (?, ?, null, ?, ?, ?, ?, current_timestamp, "
                + "'x', ?, 0)", base, base, "海三党员" + MARK, community, base, buildingPath, base);
        jdbc.update("insert into visit (id, kind, household_id, cared_member_id, area_path, visitor_account_id, visitor_name, "
                + "visited_at, seen, resident_present, checklist, raised_need, photo_type, photo, created_at) values "
                + "(?, 'HOUSEHOLD', ?, null, ?, -1, ?, current_timestamp, ?, true, ',', ?, 'image/png', ?, current_timestamp)",
                base, base, buildingPath, "海三走访人" + MARK, "海三走访" + MARK, "海三需求" + MARK, new byte[] {1});
        foreign.putAll(Map.of("contactAssignment", base, "visit", base));

        // matching: a need dispatched to the foreign pool with a photo, an offer serving the foreign community, a task
        jdbc.update("insert into need (id, title, description, category, urgency, resident_id, household_id, place, area_path, "
                + "identity_visibility, source, state, submitted_by, submitted_on_behalf, submitted_at, pool, version) values "
                + "(?, ?, ?, 'OTHER', 'NORMAL', ?, ?, null, ?, 'STAFF', 'STAFF', 'DISPATCHED', 'x', true, current_timestamp, true, 0)",
                base, "海三需求" + MARK, "海三情况" + MARK, base, base, buildingPath);
        jdbc.update("insert into need_photo (need_id, content_type, size_bytes, data) values (?, 'image/png', 1, ?)", base,
                new byte[] {1});
        jdbc.update("insert into offer (id, owner_kind, unit_id, member_id, owner_account_id, owner_name, title, description, "
                + "category, capacity_per_month, contact_name, contact_phone, valid_from, valid_until, withdrawn, created_at, "
                + "version) values (?, 'UNIT', ?, null, null, ?, ?, 'x', 'OTHER', 5, 'x', '13800138000', date '2026-01-01', "
                + "date '2099-12-31', false, current_timestamp, 0)", base, base, "海三企业" + MARK, "海三资源" + MARK);
        jdbc.update("insert into offer_area (offer_id, area_id, area_name, path) values (?, ?, ?, ?)", base, community,
                "海三社区" + MARK, communityPath);
        jdbc.update("insert into service_task (id, title, description, skills, place, starts_at, ends_at, places, taken, "
                + "area_path, area_name, state, created_by, created_at, version) values (?, ?, 'x', ',LAW,', 'x', "
                + "timestamp '2099-01-01 09:00:00', timestamp '2099-01-01 11:00:00', 5, 0, ?, ?, 'OPEN', 'x', "
                + "current_timestamp, 0)", base, "海三任务" + MARK, communityPath, "海三社区" + MARK);
        foreign.putAll(Map.of("need", base, "offer", base, "serviceTask", base));

        home.put("area", areaId("北江社区第三网格"));
        home.put("community", areaId("北江社区"));
        home.put("orgUnit", jdbc.queryForObject("select id from org_unit where name = '中共北江社区委员会'", Long.class));
        home.put("partnerUnit", jdbc.queryForObject("select id from partner_unit where name = '中国电信佛山三水分公司'", Long.class));
        home.put("contact", jdbc.queryForObject("select min(id) from partner_contact where name = '黄涛'", Long.class));
        home.put("pairing", jdbc.queryForObject("select min(p.id) from partner_pairing p join partner_unit u on u.id = p.partner_unit_id "
                + "where u.name = '中国电信佛山三水分公司'", Long.class));
        home.put("member", jdbc.queryForObject("select min(id) from member where username = 'member'", Long.class));
        home.put("registration", jdbc.queryForObject("select min(r.id) from registration r join area a on a.id = r.community_id "
                + "where a.name = '北江社区'", Long.class));
        home.put("unitRegistration", jdbc.queryForObject("select min(id) from unit_registration", Long.class));
        home.put("gridRole", jdbc.queryForObject("select min(id) from grid_role where grid_id = ?", Long.class, areaId("北江社区第三网格")));
        home.put("building", jdbc.queryForObject("select building_id from household where door_number = '1座1502'", Long.class));
        home.put("household", jdbc.queryForObject("select id from household where door_number = '1座1502'", Long.class));
        home.put("resident", jdbc.queryForObject("select min(id) from resident where name = '何秀英'", Long.class));
        home.put("signup", jdbc.queryForObject("select min(id) from resident_signup where name = '罗志远'", Long.class));
        home.put("compound", areaId("时代城小区"));
        home.put("recruitment", jdbc.queryForObject("select min(id) from building_leader_recruitment", Long.class));
        home.put("nomination", jdbc.queryForObject("select min(id) from building_leader_nomination", Long.class));
        home.put("leader", jdbc.queryForObject("select min(id) from building_leader", Long.class));
        home.put("photo", jdbc.queryForObject("select min(id) from mailbox_photo", Long.class));
        home.put("mailboxMessage", jdbc.queryForObject("select message_id from mailbox_photo where id = ?", Long.class,
                home.get("photo")));
        home.put("wish", jdbc.queryForObject("select min(wish_id) from wish_photo where kind = 'FULFILMENT'", Long.class));
        home.put("projectUpdate", jdbc.queryForObject("select min(id) from micro_project_update where photo is not null",
                Long.class));
        home.put("microProject", jdbc.queryForObject("select project_id from micro_project_update where id = ?", Long.class,
                home.get("projectUpdate")));
        home.put("contactAssignment", jdbc.queryForObject("select min(id) from contact_assignment", Long.class));
        home.put("visit", jdbc.queryForObject("select min(id) from visit where photo is not null and area_path like ?",
                Long.class, areaPath("北江社区") + "%"));
        home.put("activity", jdbc.queryForObject("select min(activity_id) from activity_cover", Long.class));
        home.put("serviceTeam", jdbc.queryForObject("select min(id) from service_team", Long.class));
        home.put("campaign", jdbc.queryForObject("select min(id) from campaign where state = 'ROLLED_OUT'", Long.class));
        home.put("casePhoto", jdbc.queryForObject("select min(p.id) from case_photo p join grid_case c on c.id = p.case_id "
                + "where c.area_path like ?", Long.class, areaPath("北江社区") + "%"));
        home.put("case", jdbc.queryForObject("select case_id from case_photo where id = ?", Long.class, home.get("casePhoto")));
        jdbc.update(job, base + 1, areaPath("北江社区"), "北江名册.xlsx");
        home.put("importJob", base + 1);
        home.put("need", jdbc.queryForObject("select min(need_id) from need_photo", Long.class));
        home.put("offer", jdbc.queryForObject("select min(id) from offer where owner_name = '中国电信佛山三水分公司'", Long.class));
        home.put("serviceTask", jdbc.queryForObject("select min(id) from service_task where area_name = '北江社区'", Long.class));

        Response created = as("sysadmin").post("/api/v1/accounts", Http.JSON.createObjectNode()
                .put("username", unique("target")).put("displayName", "矩阵目标").put("password", "Target#2026x"));
        target = created.get("id").asLong();
        jdbc.update("insert into resident_signup (id, name, phone_cipher, phone_index, id_number_cipher, id_number_index, "
                + "building_id, door_number, area_path, account_id, username, status, reason, resident_id, created_at, "
                + "decided_at, version) values (?, ?, 'x', 'x', 'x', 'x', ?, ?, ?, ?, ?, 'PENDING', null, null, "
                + "current_timestamp, null, 0)", base, "海三注册" + MARK, foreign.get("building"), "1座" + MARK, buildingPath,
                target, "matrix" + base);
    }

    record Operation(String method, String path, JsonNode spec) {
        boolean write() {
            return !"get".equals(method);
        }
    }

    private List<Operation> operations(JsonNode api) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
            }
        }
        return operations;
    }

    /** Which kind of record a path's id names. */
    private static String resourceOf(String path) {
        if (path.startsWith("/api/v1/org-units")) {
            return "orgUnit";
        }
        if (path.startsWith("/api/v1/partner-units")) {
            return "partnerUnit";
        }
        if (path.startsWith("/api/v1/grid-roles")) {
            return "gridRole";
        }
        if (path.startsWith("/api/v1/households")) {
            return "household";
        }
        if (path.startsWith("/api/v1/residents")) {
            return "resident";
        }
        if (path.startsWith("/api/v1/resident-signups")) {
            return "signup";
        }
        if (path.startsWith("/api/v1/members")) {
            return "member";
        }
        if (path.startsWith("/api/v1/registrations")) {
            return "registration";
        }
        if (path.startsWith("/api/v1/unit-registrations")) {
            return "unitRegistration";
        }
        if (path.startsWith("/api/v1/building-leader-recruitments")) {
            return "recruitment";
        }
        if (path.startsWith("/api/v1/building-leader-nominations")) {
            return "nomination";
        }
        if (path.startsWith("/api/v1/building-leaders")) {
            return "leader";
        }
        if (path.startsWith("/api/v1/mailbox-messages")) {
            return "mailboxMessage";
        }
        if (path.startsWith("/api/v1/import-jobs")) {
            return "importJob";
        }
        if (path.startsWith("/api/v1/wishes")) {
            return "wish";
        }
        if (path.startsWith("/api/v1/micro-projects")) {
            return "microProject";
        }
        if (path.startsWith("/api/v1/contact-assignments")) {
            return "contactAssignment";
        }
        if (path.startsWith("/api/v1/visits")) {
            return "visit";
        }
        if (path.startsWith("/api/v1/needs")) {
            return "need";
        }
        if (path.startsWith("/api/v1/offers")) {
            return "offer";
        }
        if (path.startsWith("/api/v1/service-tasks")) {
            return "serviceTask";
        }
        if (path.startsWith("/api/v1/points/certificates")) {
            return "member";
        }
        if (path.startsWith("/api/v1/activities")) {
            return "activity";
        }
        if (path.startsWith("/api/v1/service-teams")) {
            return "serviceTeam";
        }
        if (path.startsWith("/api/v1/campaigns")) {
            return "campaign";
        }
        if (path.startsWith("/api/v1/cases")) {
            return "case";
        }
        return "area";
    }

    private String url(Operation op, Map<String, Long> ids) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.path());
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            long value = switch (name) {
                case "contactId" -> ids.get("contact");
                case "pairingId" -> ids.get("pairing");
                case "photoId" -> ids.get("photo");
                case "updateId" -> ids.get("projectUpdate");
                case "assignmentId" -> 987_654_321L;
                case "casePhotoId" -> ids.get("casePhoto");
                default -> op.path().startsWith("/api/v1/accounts") ? target : ids.get(resourceOf(op.path()));
            };
            m.appendReplacement(url, String.valueOf(value));
        }
        m.appendTail(url);
        List<String> query = new ArrayList<>();
        if (op.spec().has("parameters")) {
            for (JsonNode p : op.spec().get("parameters")) {
                if (!"query".equals(p.path("in").asString()) || !p.path("required").asBoolean(false)) {
                    continue;
                }
                String name = p.get("name").asString();
                long value = "parentId".equals(name) && op.path().startsWith("/api/v1/org-units") ? ids.get("orgUnit")
                        : ids.get("area");
                query.add(name + "=" + value);
            }
        }
        return url + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    private JsonNode resolve(JsonNode api, JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return api.get("components").get("schemas").get(name);
        }
        return schema;
    }

    /** A plausible body from the request schema, with every id pointing at the given records. */
    private ObjectNode body(JsonNode api, Operation op, Map<String, Long> ids) {
        JsonNode schema = resolve(api, op.spec().path("requestBody").path("content").path("application/json").path("schema"));
        ObjectNode body = Http.JSON.createObjectNode();
        if (schema == null || !schema.has("properties")) {
            return body;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode type = resolve(api, property.getValue());
            switch (name) {
                case "parentId" -> body.put(name, op.path().startsWith("/api/v1/org-units") ? ids.get("orgUnit") : ids.get("community"));
                case "areaId", "communityId" -> body.put(name, ids.get("community"));
                case "gridId" -> body.put(name, ids.get("area"));
                case "buildingId" -> body.put(name, ids.get("building"));
                case "householdId" -> body.put(name, ids.get("household"));
                case "version" -> body.put(name, 0);
                case "level" -> body.put(name, op.path().startsWith("/api/v1/org-units") ? "GRID_BRANCH" : "GRID");
                case "password" -> body.put(name, "Matrix#2026x");
                case "username" -> body.put(name, "matrix" + (++counter) + System.nanoTime() % 10000);
                case "phone" -> body.put(name, "13800000000");
                case "role" -> body.put(name, type.has("enum") ? type.get("enum").get(0).asString() : "GRID_WORKER");
                default -> {
                    if (type.has("enum")) {
                        body.put(name, type.get("enum").get(0).asString());
                    } else if ("date".equals(type.path("format").asString())) {
                        body.put(name, "2026-06-01");
                    } else if ("string".equals(type.path("type").asString())) {
                        body.put(name, "矩阵" + (++counter));
                    } else if ("boolean".equals(type.path("type").asString())) {
                        body.put(name, true);
                    } else if ("integer".equals(type.path("type").asString())) {
                        body.put(name, 1);
                    }
                }
            }
        }
        return body;
    }

    private boolean targetsRecords(JsonNode api, Operation op) {
        if (op.path().startsWith("/api/v1/accounts/") && !op.path().contains("role-assignments")) {
            return false; // accounts are not area-scoped: who may touch them is the permission check below
        }
        if (op.path().contains("{")) {
            return true;
        }
        if (op.spec().has("parameters")) {
            for (JsonNode p : op.spec().get("parameters")) {
                if ("query".equals(p.path("in").asString()) && p.path("required").asBoolean(false)) {
                    return true;
                }
            }
        }
        String text = body(api, op, foreign).toString();
        return text.contains("Id\"");
    }

    @Test
    void noRoleReachesRecordsOutsideItsScopeAndNothingAnswers5xx() {
        JsonNode api = anonymous().get("/v3/api-docs").json();
        List<Operation> operations = operations(api);
        assertThat(operations).hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();

        for (Operation op : operations) {
            if (op.path().equals("/api/v1/auth/login")) {
                continue;
            }
            Response anonymousAnswer = anonymous().send(op.method().toUpperCase(), url(op, foreign),
                    op.write() ? body(api, op, foreign) : null, true);
            if (ANONYMOUS.contains(op.method() + " " + op.path())) {
                // public by design: held to the same rules as a logged-in caller below
                if (anonymousAnswer.status() >= 500 || anonymousAnswer.status() < 300 && targetsRecords(api, op)
                        || anonymousAnswer.status() < 300 && anonymousAnswer.text().contains(MARK)) {
                    failures.add("anonymous " + op.method() + " " + op.path() + " -> " + anonymousAnswer);
                }
            } else if (op.path().startsWith("/api/") && anonymousAnswer.status() != 401) {
                failures.add("anonymous " + op.method() + " " + op.path() + " -> " + anonymousAnswer.status());
            }
        }
        for (String role : ROLES) {
            Http http = as(role);
            boolean accountReader = http.get("/api/v1/auth/me").get("permissions").toString().contains("access:account:read");
            for (Operation op : operations) {
                if (op.path().startsWith("/api/v1/auth/")) {
                    continue;
                }
                String url = url(op, foreign);
                Response r = http.send(op.method().toUpperCase(), url, op.write() ? body(api, op, foreign) : null, true);
                String call = role + " " + op.method() + " " + url + " -> " + r.status() + " " + abbreviate(r.text());
                if (r.status() >= 500) {
                    failures.add("5xx: " + call);
                } else if (r.status() < 300 && targetsRecords(api, op)) {
                    failures.add("reached a record outside its scope: " + call);
                } else if (r.status() < 300 && r.text() != null && r.text().contains(MARK)) {
                    failures.add("leaked a record outside its scope: " + call);
                } else if (op.path().startsWith("/api/v1/accounts") && !accountReader && r.status() < 300) {
                    failures.add("account operation without account permission: " + call);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void readsInsideTheScopeSucceedForTheSecretaryAndNeverFailWithAServerError() {
        JsonNode api = anonymous().get("/v3/api-docs").json();
        List<String> failures = new ArrayList<>();
        for (String role : ROLES) {
            Http http = as(role);
            for (Operation op : operations(api)) {
                if (op.write() || op.path().startsWith("/api/v1/auth/") || !op.path().startsWith("/api/")) {
                    continue;
                }
                String url = url(op, home);
                Response r = http.get(url);
                if (r.status() >= 500) {
                    failures.add("5xx: " + role + " " + url + " -> " + abbreviate(r.text()));
                }
                boolean secretaryRead = role.equals("beijiang") && !op.path().startsWith("/api/v1/accounts")
                        && !op.path().startsWith("/api/v1/audit") && !op.path().endsWith("/mine");
                if (secretaryRead && r.status() != 200) {
                    failures.add("the secretary cannot read her own community: " + url + " -> " + r.status());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
