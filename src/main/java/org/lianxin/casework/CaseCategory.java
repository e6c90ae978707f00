package org.lianxin.casework;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A case category (人居环境, 民生服务, 矛盾纠纷, 安全隐患, 设施设备…): configuration, one row each, with a label per
 * language and a time limit for each step (accept, dispatch, verify) and for handling at each level.
 */
@Entity
@Table(name = "case_category")
class CaseCategory {

    @Id
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "sort_order")
    private int sortOrder;
    @Column(name = "accept_limit")
    private String acceptLimit;
    @Column(name = "dispatch_limit")
    private String dispatchLimit;
    @Column(name = "grid_limit")
    private String gridLimit;
    @Column(name = "community_limit")
    private String communityLimit;
    @Column(name = "subdistrict_limit")
    private String subdistrictLimit;
    @Column(name = "verify_limit")
    private String verifyLimit;
    private boolean active;
    @jakarta.persistence.Version
    private Long version;

    protected CaseCategory() {
    }

    /** A new category; {@link #configure} gives it labels and limits. */
    CaseCategory(String code, int sortOrder) {
        this.code = code;
        this.sortOrder = sortOrder;
    }

    void order(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    /** New labels and limits (each checked by {@link TimeLimit#parse}); a category is never deleted, only retired. */
    void configure(String nameZh, String nameEn, java.util.Map<String, String> limits, boolean active) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.acceptLimit = limits.get("acceptLimit");
        this.dispatchLimit = limits.get("dispatchLimit");
        this.gridLimit = limits.get("gridLimit");
        this.communityLimit = limits.get("communityLimit");
        this.subdistrictLimit = limits.get("subdistrictLimit");
        this.verifyLimit = limits.get("verifyLimit");
        this.active = active;
    }

    String code() { return code; }
    Long version() { return version; }
    int sortOrder() { return sortOrder; }
    boolean active() { return active; }

    String nameZh() { return nameZh; }
    String nameEn() { return nameEn; }

    String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    /** The handling limit at a level; a unit works to the limit of the level that handed the case over. */
    TimeLimit handling(CaseLevel level, CaseLevel handedOverBy) {
        return switch (level) {
            case GRID -> TimeLimit.parse(gridLimit);
            case COMMUNITY -> TimeLimit.parse(communityLimit);
            case SUBDISTRICT -> TimeLimit.parse(subdistrictLimit);
            case UNIT -> handling(handedOverBy == null || handedOverBy == CaseLevel.UNIT ? CaseLevel.COMMUNITY
                    : handedOverBy, null);
        };
    }

    /** The limit of the step that starts when a case enters {@code state} at {@code level}; null when closed. */
    TimeLimit limitEntering(CaseState state, CaseLevel level) {
        return switch (state) {
            case REPORTED, ACCEPTED -> TimeLimit.parse(acceptLimit);
            case REGISTERED -> TimeLimit.parse(dispatchLimit);
            case DISPATCHED, HANDLING -> handling(level, CaseLevel.COMMUNITY);
            case HANDLED, VERIFIED -> TimeLimit.parse(verifyLimit);
            default -> null;
        };
    }

    String acceptLimit() { return acceptLimit; }
    String dispatchLimit() { return dispatchLimit; }
    String gridLimit() { return gridLimit; }
    String communityLimit() { return communityLimit; }
    String subdistrictLimit() { return subdistrictLimit; }
    String verifyLimit() { return verifyLimit; }
}
