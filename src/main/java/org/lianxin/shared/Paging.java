package org.lianxin.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Page requests as the API takes them: {@code page} from 0, {@code size} from 1 to 100. */
public final class Paging {

    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    public static Pageable of(Integer page, Integer size, Sort sort) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw new InvalidInputException("page", "validation.page.min");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidInputException("size", "validation.size.range", MAX_SIZE);
        }
        return PageRequest.of(p, s, sort);
    }
}
