package org.lianxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.shared.InvalidInputException;

/** The area tree's rules, without Spring: paths, moves, cycles and configured levels. */
class AreaTest {

    private final AreaLevels levels = new AreaLevels(List.of(
            new Level("DISTRICT", Map.of("zh", "区"), List.of(), List.of()),
            new Level("COMMUNITY", Map.of("zh", "社区"), List.of("DISTRICT"), List.of()),
            new Level("GRID", Map.of("zh", "网格"), List.of("COMMUNITY"), List.of()),
            new Level("MICRO_GRID", Map.of("zh", "微网格"), List.of("GRID"), List.of())));

    private final Area district = Area.root(1, "DISTRICT", "三水区", null, null, levels);
    private final Area community = district.child(2, "COMMUNITY", "北江社区", null, null, levels);
    private final Area grid1 = community.child(3, "GRID", "第一网格", null, null, levels);
    private final Area grid2 = community.child(4, "GRID", "第二网格", null, null, levels);
    private final Area micro = grid1.child(5, "MICRO_GRID", "微网格1", null, null, levels);

    @Test
    void aNodesPathIsItsParentsPathFollowedByItsOwnId() {
        assertThat(micro.path()).isEqualTo("/1/2/3/5/");
    }

    @Test
    void movingAMicroGridToAnotherGridRewritesItsPathAndReturnsTheOldOne() {
        String old = micro.moveTo(grid2, levels);

        assertThat(old).isEqualTo("/1/2/3/5/");
        assertThat(micro.path()).isEqualTo("/1/2/4/5/");
        assertThat(micro.parentId()).isEqualTo(4L);
    }

    @Test
    void descendantsTradeTheOldPrefixForTheNewOne() {
        assertThat(Area.rewrite("/1/2/3/5/9/", "/1/2/3/5/", "/1/2/4/5/")).isEqualTo("/1/2/4/5/9/");
        assertThatThrownBy(() -> Area.rewrite("/1/7/", "/1/2/", "/1/3/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNodeCannotMoveUnderItselfOrItsDescendants() {
        assertThatThrownBy(() -> grid1.moveTo(grid1, levels)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).messageKey()).isEqualTo("area.move.cycle"));
        Area community2 = district.child(6, "COMMUNITY", "沙头社区", null, null, levels);
        assertThatThrownBy(() -> community.moveTo(micro, levels)).isInstanceOf(InvalidInputException.class);
        assertThat(community2.path()).isEqualTo("/1/6/");
    }

    @Test
    void levelRulesComeFromConfiguration() {
        assertThatThrownBy(() -> community.child(7, "MICRO_GRID", "跳级", null, null, levels))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems().get(0).field()).isEqualTo("level"));
        assertThatThrownBy(() -> grid2.moveTo(grid1, levels)).isInstanceOf(InvalidInputException.class);

        AreaLevels flat = new AreaLevels(List.of(
                new Level("DISTRICT", Map.of(), List.of(), List.of()),
                new Level("MICRO_GRID", Map.of(), List.of("DISTRICT"), List.of())));
        Area other = Area.root(10, "DISTRICT", "另一城市", null, null, flat);
        assertThat(other.child(11, "MICRO_GRID", "直属微网格", null, null, flat).path()).isEqualTo("/10/11/");
    }

    @Test
    void unknownLevelsAndParentsThatDoNotExistAreRefused() {
        assertThatThrownBy(() -> community.child(8, "VILLAGE", "某村", null, null, levels))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new AreaLevels(List.of(new Level("GRID", Map.of(), List.of("NOWHERE"), List.of()))))
                .isInstanceOf(IllegalStateException.class);
    }
}
