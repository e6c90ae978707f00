package org.lianxin.resident;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the community needs to know at a glance about a resident (居民标签): who lives alone, who is
 * elderly, disabled, a tenant, a minor, or needs special care. Stored as one delimited column
 * ({@code ,ELDERLY,LIVING_ALONE,}) so that a filter is a single LIKE.
 */
enum ResidentTag {
    LIVING_ALONE, ELDERLY, DISABLED, RENTAL, MINOR, KEY_CARE;

    static String encode(Collection<ResidentTag> tags) {
        if (tags == null || tags.isEmpty()) {
            return ",";
        }
        return EnumSet.copyOf(tags).stream().map(Enum::name).collect(Collectors.joining(",", ",", ","));
    }

    static Set<ResidentTag> decode(String column) {
        if (column == null || column.isBlank()) {
            return EnumSet.noneOf(ResidentTag.class);
        }
        return Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).map(ResidentTag::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ResidentTag.class)));
    }
}
