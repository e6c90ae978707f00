package org.lianxin.organization;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** An area as the API shows it; {@code boundary} is a GeoJSON geometry or null. */
record AreaView(long id, Long parentId, String level, String levelLabel, String name, String code, String path,
                long childCount, JsonNode boundary, List<Crumb> ancestors, long version) {

    /** An ancestor in the breadcrumb. */
    record Crumb(long id, String name, String level) {
    }
}
