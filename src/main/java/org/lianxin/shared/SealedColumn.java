package org.lianxin.shared;

/**
 * A column pair that holds sealed personal data: the ciphertext and its blind index, in a table
 * with a numeric id. Each module declares its own as beans, so that a key rotation re-seals them all.
 */
public record SealedColumn(String table, String cipherColumn, String indexColumn) {

    public SealedColumn {
        for (String name : new String[] {table, cipherColumn, indexColumn}) {
            if (!name.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a plain SQL name: " + name);
            }
        }
    }
}
