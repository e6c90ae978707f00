package org.lianxin.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lianxin.organization.Areas;
import org.lianxin.organization.Areas.AreaRef;
import org.springframework.stereotype.Component;

/** The rates that apply to a member's community: his subdistrict's own rules, else the configured defaults. */
@Component
class PointsRules {

    static final String SUBDISTRICT = "SUBDISTRICT";

    private final PointsRuleRepository rules;
    private final PointsProperties defaults;
    private final Areas areas;

    PointsRules(PointsRuleRepository rules, PointsProperties defaults, Areas areas) {
        this.rules = rules;
        this.defaults = defaults;
        this.areas = areas;
    }

    PointsProperties.Rates defaults() {
        return defaults.rates();
    }

    PointsProperties.Rates ratesFor(String areaPath) {
        return subdistrictOf(areaPath).flatMap(s -> rules.findById(s.id())).map(PointsRule::rates)
                .orElseGet(defaults::rates);
    }

    /** The subdistrict an area path lies in (the path's ids are its ancestors and itself). */
    Optional<AreaRef> subdistrictOf(String areaPath) {
        if (areaPath == null) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>();
        for (String part : areaPath.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return areas.findAll(ids).stream().filter(a -> SUBDISTRICT.equals(a.level())).findFirst();
    }
}
