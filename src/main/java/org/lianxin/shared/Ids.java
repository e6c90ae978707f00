package org.lianxin.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ids from database sequences, handed out before insert so that a tree node's materialized path
 * can hold its own id. Every sequence steps by {@value #BLOCK}; one round trip serves that many ids
 * (the pooled scheme), and two nodes never hand out the same id.
 */
@Component
public class Ids {

    public static final int BLOCK = 50;
    private static final Pattern NAME = Pattern.compile("[a-z_]+_seq");

    private final JdbcTemplate jdbc;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    public Ids(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long next(String sequence) {
        if (!NAME.matcher(sequence).matches()) {
            throw new IllegalArgumentException("not a sequence name: " + sequence);
        }
        Block block = blocks.computeIfAbsent(sequence, s -> new Block());
        synchronized (block) {
            if (block.next >= block.end) {
                Long start = jdbc.queryForObject("select nextval('" + sequence + "')", Long.class);
                block.next = start;
                block.end = start + BLOCK;
            }
            return block.next++;
        }
    }

    private static final class Block {
        long next;
        long end;
    }
}
