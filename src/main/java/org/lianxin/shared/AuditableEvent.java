package org.lianxin.shared;

/**
 * An event that the audit log records: every module's events about writes implement it, and the
 * access module appends one entry per event, in the same transaction as the write.
 */
public interface AuditableEvent {

    /** A stable action name, e.g. {@code area.create}. */
    String action();

    /** The kind of object, e.g. {@code Area}. */
    String objectType();

    /** The object's id. */
    String objectId();

    /** A short human-readable description, free of personal data. */
    String detail();
}
