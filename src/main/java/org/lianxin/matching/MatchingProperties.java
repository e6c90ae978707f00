package org.lianxin.matching;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured need and offer categories ({@code lianxin.matching.categories}: code and labels per language) and
 * the hours a dispatched need may wait for a unit to take it before it goes back to the community
 * ({@code lianxin.matching.take-within-hours}, 48 unless set).
 */
@ConfigurationProperties(prefix = "lianxin.matching")
record MatchingProperties(List<Category> categories, Integer takeWithinHours) {

    record Category(String code, Map<String, String> labels) {
        String label(Locale locale) {
            String label = labels == null ? null : labels.get(locale.getLanguage());
            return label != null ? label : labels == null ? code : labels.getOrDefault("zh", code);
        }
    }

    MatchingProperties {
        categories = categories == null ? List.of() : List.copyOf(categories);
        takeWithinHours = takeWithinHours == null || takeWithinHours < 1 ? 48 : takeWithinHours;
    }

    boolean knows(String code) {
        return categories.stream().anyMatch(c -> c.code().equals(code));
    }

    String label(String code, Locale locale) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst().map(c -> c.label(locale)).orElse(code);
    }
}
