package org.lianxin.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lianxin.ApiTest;
import org.lianxin.Http;
import org.lianxin.Http.Response;
import org.lianxin.shared.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Autowired;

/** The community scale, generated into the test database: integrity, scope paths, the seed figures, determinism. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorTests extends ApiTest {

    @Autowired
    Generator generator;
    @Autowired
    PersonalDataCipher cipher;

    private Generator.Summary first;
    private String prefix;

    @BeforeAll
    void generate() {
        first = generator.generate(Scale.COMMUNITY, 7, line -> { });
        prefix = "/" + first.districtId() + "/";
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void itHasTheSeedsFigures() {
        assertThat(count("select count(*) from area where level = 'COMMUNITY' and path like ?", prefix + "%")).isEqualTo(1);
        assertThat(count("select count(*) from area where level = 'GRID' and path like ?", prefix + "%")).isEqualTo(8);
        assertThat(count("select count(*) from area where level = 'MICRO_GRID' and path like ?", prefix + "%")).isEqualTo(123);
        assertThat(count("select count(*) from org_unit where level = 'GRID_BRANCH' and area_path like ?", prefix + "%")).isEqualTo(8);
        assertThat(count("select count(*) from org_unit where level = 'GRID_GROUP' and area_path like ?", prefix + "%")).isEqualTo(16);
        assertThat(count("select count(*) from org_unit where level = 'RESPONSIBILITY_ZONE' and area_path like ?", prefix + "%"))
                .isEqualTo(170);
        assertThat(count("select count(*) from grid_role where area_path like ?", prefix + "%")).isEqualTo(48);
        assertThat(first.accounts()).isEqualTo(1 + 2 + 8);
    }

    @Test
    void everyPathIsItsParentsPathAndItsOwnId() {
        assertThat(count("select count(*) from area c join area p on p.id = c.parent_id where c.path like ? "
                + "and c.path <> concat(p.path, concat(cast(c.id as varchar(20)), '/'))", prefix + "%")).isZero();
        assertThat(count("select count(*) from org_unit o join org_unit p on p.id = o.parent_id where o.area_path like ? "
                + "and o.path <> concat(p.path, concat(cast(o.id as varchar(20)), '/'))", prefix + "%")).isZero();
    }

    @Test
    void everyRowCarriesItsAreasPathAndLiesInsideItsParentsArea() {
        assertThat(count("select count(*) from org_unit o join area a on a.id = o.area_id where a.path like ? "
                + "and o.area_path <> a.path", prefix + "%")).isZero();
        assertThat(count("select count(*) from org_unit o join org_unit p on p.id = o.parent_id where o.area_path like ? "
                + "and o.area_path not like concat(p.area_path, '%')", prefix + "%")).isZero();
        assertThat(count("select count(*) from partner_pairing x join area a on a.id = x.community_id where a.path like ? "
                + "and (x.community_path <> a.path or a.level <> 'COMMUNITY')", prefix + "%")).isZero();
        assertThat(count("select count(*) from grid_role g join area a on a.id = g.grid_id where a.path like ? "
                + "and (g.area_path <> a.path or a.level <> 'GRID')", prefix + "%")).isZero();
        assertThat(count("select count(*) from area c join area p on p.id = c.parent_id where c.path like ? and not ("
                + "(c.level = 'SUBDISTRICT' and p.level = 'DISTRICT') or (c.level = 'COMMUNITY' and p.level = 'SUBDISTRICT') "
                + "or (c.level = 'GRID' and p.level = 'COMMUNITY') or (c.level = 'MICRO_GRID' and p.level = 'GRID') "
                + "or (c.level = 'COMPOUND' and p.level in ('MICRO_GRID', 'GRID')) "
                + "or (c.level = 'BUILDING' and p.level in ('COMPOUND', 'MICRO_GRID')))", prefix + "%")).isZero();
    }

    @Test
    void everyMemberLivesInHisCommunityAndEveryPlacementLiesUnderThatCommunitysCommittee() {
        assertThat(count("select count(*) from member m join area c on c.id = m.community_id where c.path like ?",
                prefix + "%")).isEqualTo(300);
        assertThat(count("select count(*) from member m join area c on c.id = m.community_id where c.path like ? "
                + "and (c.level <> 'COMMUNITY' or m.area_path not like concat(c.path, '%'))", prefix + "%")).isZero();
        assertThat(count("select count(*) from member m join area b on b.id = m.building_id where m.area_path like ? "
                + "and (b.level <> 'BUILDING' or m.area_path <> b.path)", prefix + "%")).isZero();
        int approved = count("select count(*) from registration where community_path like ? and state = 'APPROVED'", prefix + "%");
        assertThat(approved).isGreaterThan(200);
        // the branch sits under the community's committee; the group under the branch; the zone under the group
        assertThat(count("select count(*) from registration r join org_unit b on b.id = r.branch_id "
                + "join org_unit k on k.id = b.parent_id where r.community_path like ? and not (b.level = 'GRID_BRANCH' "
                + "and k.level = 'COMMUNITY_COMMITTEE' and k.area_id = r.community_id and b.area_path like concat(r.community_path, '%'))",
                prefix + "%")).isZero();
        assertThat(count("select count(*) from registration r join org_unit g on g.id = r.group_id where r.community_path like ? "
                + "and (g.parent_id <> r.branch_id or g.level <> 'GRID_GROUP')", prefix + "%")).isZero();
        assertThat(count("select count(*) from registration r join org_unit z on z.id = r.zone_id where r.community_path like ? "
                + "and (z.parent_id <> r.group_id or z.level <> 'RESPONSIBILITY_ZONE')", prefix + "%")).isZero();
        assertThat(count("select count(*) from registration r where r.community_path like ? and r.state = 'APPROVED' "
                + "and r.branch_id is null", prefix + "%")).isZero();
    }

    @Test
    void generatedIdNumbersAreValidAndSealed() {
        List<String> sealed = jdbc.queryForList("select id_number_cipher from member where area_path like ?", String.class,
                prefix + "%");
        assertThat(sealed).hasSize(300).allSatisfy(c -> assertThat(org.lianxin.shared.IdNumber.isValid(cipher.open(c))).isTrue());
    }

    @Test
    void phonesAreSealedAndOpenWithTheKey() {
        List<String> sealed = jdbc.queryForList("select phone_cipher from grid_role where area_path like ?", String.class,
                prefix + "%");
        assertThat(sealed).allSatisfy(c -> assertThat(cipher.open(c)).matches("199\\d{8}"));
        assertThat(sealed).noneMatch(c -> c.startsWith("199"));
    }

    @Test
    void everyResidentLivesInAHouseholdOfABuildingAndCarriesItsPathWithTheNumbersSealed() {
        int households = count("select count(*) from household where area_path like ?", prefix + "%");
        int residents = count("select count(*) from resident where area_path like ?", prefix + "%");
        assertThat(households).isEqualTo(first.households()).isBetween(900, 1100);
        assertThat(residents).isEqualTo(first.residents()).isBetween(2_400, 3_200);
        assertThat(count("select count(*) from household h join area b on b.id = h.building_id where h.area_path like ? "
                + "and (h.area_path <> b.path or b.level <> 'BUILDING')", prefix + "%")).isZero();
        assertThat(count("select count(*) from resident r join household h on h.id = r.household_id "
                + "join area b on b.id = h.building_id where r.area_path like ? and r.area_path <> b.path", prefix + "%")).isZero();
        List<java.util.Map<String, Object>> rows = jdbc.queryForList("select id_number_cipher, phone_cipher, gender, birth_date "
                + "from resident where area_path like ? order by id fetch first 200 rows only", prefix + "%");
        assertThat(rows).allSatisfy(row -> {
            String id = cipher.open((String) row.get("id_number_cipher"));
            assertThat(org.lianxin.shared.IdNumber.isValid(id)).isTrue();
            assertThat((String) row.get("id_number_cipher")).doesNotContain(id.substring(6, 14));
            assertThat(new org.lianxin.shared.IdNumber(id).gender()).isEqualTo(row.get("gender"));
            if (row.get("phone_cipher") != null) {
                assertThat(cipher.open((String) row.get("phone_cipher"))).matches("199\\d{8}");
                assertThat((String) row.get("phone_cipher")).doesNotStartWith("199");
            }
        });
    }

    @Test
    void aGeneratedSecretaryLogsInAndSeesOnlyHerCommunity() {
        long community = jdbc.queryForObject("select id from area where level = 'COMMUNITY' and path like ?", Long.class,
                prefix + "%");
        Http secretary = new Http(port);
        assertThat(secretary.login("sq" + community, Generator.PASSWORD).status()).isEqualTo(200);
        Response grids = secretary.get("/api/v1/areas?parentId=" + community + "&size=100");
        assertThat(grids.get("totalElements").asInt()).isEqualTo(8);
        assertThat(secretary.get("/api/v1/areas/" + areaId("北江社区")).status()).isEqualTo(404);
    }

    @Test
    void theSameSeedGivesTheSameDistrict() {
        Generator.Summary again = generator.generate(Scale.COMMUNITY, 7, line -> { });
        String query = "select name || '|' || level || '|' || coalesce(boundary, '') from area where path like ? order by id";
        List<String> a = jdbc.queryForList(query, String.class, prefix + "%");
        List<String> b = jdbc.queryForList(query, String.class, "/" + again.districtId() + "/%");
        assertThat(b.subList(1, b.size())).isEqualTo(a.subList(1, a.size()));
        assertThat(again.areas()).isEqualTo(first.areas());
    }

    @Test
    void everyUnitOffersSomethingToItsPairedCommunitiesAndTheNeedsAreInEveryStateWithConsistentTimes() {
        int units = count("select count(*) from partner_unit where area_path like ?", prefix + "%");
        assertThat(count("select count(*) from offer o join partner_unit u on u.id = o.unit_id where u.area_path like ?",
                prefix + "%")).isEqualTo(units);
        assertThat(count("select count(*) from offer_area a join offer o on o.id = a.offer_id join partner_pairing p "
                + "on p.partner_unit_id = o.unit_id and p.community_id = a.area_id where a.path like ?", prefix + "%"))
                .isEqualTo(count("select count(*) from offer_area where path like ?", prefix + "%")).isGreaterThan(0);
        assertThat(count("select count(*) from need where area_path like ?", prefix + "%")).isEqualTo(500);
        assertThat(jdbc.queryForList("select distinct state from need where area_path like ?", String.class, prefix + "%"))
                .containsExactlyInAnyOrder("SUBMITTED", "DISPATCHED", "RETURNED", "TAKEN", "FULFILLED", "CLOSED", "CANCELLED");
        assertThat(count("select count(*) from need where area_path like ? and (taken_at < dispatched_at "
                + "or fulfilled_at < taken_at or confirmed_at < fulfilled_at or state = 'CLOSED' and confirmed_at is null "
                + "or state in ('TAKEN', 'FULFILLED', 'CLOSED') and taken_at is null)", prefix + "%")).isZero();
    }

    @Test
    void boxesTileTheirParentWithoutGaps() {
        Generator.Box box = new Generator.Box(0, 0, 1, 1);
        List<Generator.Box> parts = box.split(7);
        assertThat(parts).hasSize(7);
        double area = parts.stream().mapToDouble(p -> (p.east() - p.west()) * (p.north() - p.south())).sum();
        assertThat(area).isLessThanOrEqualTo(1.0000001).isGreaterThan(0.7);
        assertThat(Generator.share(10, 3)).isEqualTo(4);
    }
}
