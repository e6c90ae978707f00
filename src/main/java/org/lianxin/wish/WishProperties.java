package org.lianxin.wish;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured wish categories ({@code lianxin.wish.categories}: code and labels per language) and the
 * days a claimant has to fulfil a claimed wish before it goes back to the wall
 * ({@code lianxin.wish.fulfil-within-days}, 14 unless set).
 */
@ConfigurationProperties(prefix = "lianxin.wish")
record WishProperties(List<Category> categories, Integer fulfilWithinDays) {

    record Category(String code, Map<String, String> labels) {
        String label(Locale locale) {
            String label = labels == null ? null : labels.get(locale.getLanguage());
            return label != null ? label : labels == null ? code : labels.getOrDefault("zh", code);
        }
    }

    WishProperties {
        categories = categories == null ? List.of() : List.copyOf(categories);
        fulfilWithinDays = fulfilWithinDays == null || fulfilWithinDays < 1 ? 14 : fulfilWithinDays;
    }

    boolean knows(String code) {
        return categories.stream().anyMatch(c -> c.code().equals(code));
    }

    String label(String code, Locale locale) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst().map(c -> c.label(locale)).orElse(code);
    }
}
