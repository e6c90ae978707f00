package org.lianxin.organization;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One configured level of a tree (area or Party organisation): its code, its labels per language,
 * the levels it may sit under, and for organisations the area levels it may be bound to.
 */
public record Level(String code, Map<String, String> labels, List<String> parents, List<String> areaLevels) {

    public Level {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        parents = parents == null ? List.of() : List.copyOf(parents);
        areaLevels = areaLevels == null ? List.of() : List.copyOf(areaLevels);
    }

    public String label(Locale locale) {
        String label = labels.get(locale.getLanguage());
        return label != null ? label : labels.getOrDefault("zh", code);
    }

    public boolean isRoot() {
        return parents.isEmpty();
    }
}
