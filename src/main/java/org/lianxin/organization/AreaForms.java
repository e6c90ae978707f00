package org.lianxin.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import tools.jackson.databind.JsonNode;

/** What a client may send to create, change or move an area. */
final class AreaForms {

    private AreaForms() {
    }

    record Create(@NotNull Long parentId,
                  @NotBlank @Size(max = 32) String level,
                  @NotBlank @Size(max = 100) String name,
                  @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]*") String code,
                  JsonNode boundary) {
    }

    record Update(@NotBlank @Size(max = 100) String name,
                  @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]*") String code,
                  JsonNode boundary,
                  @NotNull Long version) {
    }

    record Move(@NotNull Long parentId, @NotNull Long version) {
    }
}
