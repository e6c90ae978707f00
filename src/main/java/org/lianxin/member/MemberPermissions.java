package org.lianxin.member;

import org.lianxin.shared.Actor;
import org.lianxin.shared.ForbiddenException;
import org.lianxin.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with members and registrations, in one place. Outside the read scope a
 * record answers 404 as if absent; visible but not changeable answers 403.
 */
@Component
class MemberPermissions {

    static final String READ = "member:member:read";
    static final String WRITE = "member:member:write";
    static final String SENSITIVE = "member:sensitive:read";
    static final String REVEAL = "member:pii:reveal";
    static final String APPLY = "member:registration:apply";
    static final String REVIEW = "member:registration:review";
    static final String UNIT_APPLY = "member:unit-registration:apply";
    static final String LEADER_READ = "member:leader:read";
    static final String LEADER_MANAGE = "member:leader:manage";
    static final String LEADER_APPROVE = "member:leader:approve";
    static final String MAILBOX_READ = "member:mailbox:read";
    static final String MAILBOX_HANDLE = "member:mailbox:handle";
    /** Members and residents nominate or recommend; residents write and leaders read the mailbox on mobile. */
    static final String LEADER_NOMINATE = "member:leader:nominate";
    static final String MAILBOX_USE = "member:mailbox:use";
    /** Load a roster from a spreadsheet where one may not record members one by one (the subdistrict's office). */
    static final String IMPORT = "member:member:import";
    /** Export members with full ID and phone numbers (audited like every export). */
    static final String EXPORT_UNMASKED = "member:export:unmasked";

    /** Where the caller sees registrations and unit registrations (reviews them, or reads members); none → 403. */
    org.lianxin.shared.Scope registrationScope(Actor actor) {
        org.lianxin.shared.Scope scope = actor.scopeFor(REVIEW).or(actor.scopeFor(READ));
        if (scope.isEmpty()) {
            throw new ForbiddenException(REVIEW);
        }
        return scope;
    }

    /** Where the caller sees building leaders, nominations and recruitments (reads or manages them); none → 403. */
    org.lianxin.shared.Scope leaderScope(Actor actor) {
        org.lianxin.shared.Scope scope = actor.scopeFor(LEADER_READ).or(actor.scopeFor(LEADER_MANAGE));
        if (scope.isEmpty()) {
            throw new ForbiddenException(LEADER_READ);
        }
        return scope;
    }

    void require(Actor actor, String permission) {
        if (!actor.has(permission)) {
            throw new ForbiddenException(permission);
        }
    }

    /** Staff see a member inside their read (or write) scope. */
    boolean canSee(Actor actor, String path) {
        return actor.scopeFor(READ).contains(path) || actor.scopeFor(WRITE).contains(path);
    }

    void checkVisible(Actor actor, String path, String objectType) {
        if (!canSee(actor, path)) {
            throw new NotFoundException(objectType);
        }
    }

    void checkWritable(Actor actor, String path) {
        if (!actor.scopeFor(WRITE).contains(path)) {
            throw new ForbiddenException(WRITE);
        }
    }

    /** Where the actor may import members: where he records them, and where he holds the import permission. */
    org.lianxin.shared.Scope importScope(Actor actor) {
        java.util.List<String> paths = new java.util.ArrayList<>(actor.scopeFor(WRITE).prefixes());
        paths.addAll(actor.scopeFor(IMPORT).prefixes());
        return org.lianxin.shared.Scope.of(paths);
    }

    boolean seesSensitive(Actor actor, String path) {
        return actor.scopeFor(SENSITIVE).contains(path);
    }

    /** Staff who see a community's registrations: reviewers and member readers there. */
    boolean seesRegistrations(Actor actor, String communityPath) {
        return actor.scopeFor(REVIEW).contains(communityPath) || actor.scopeFor(READ).contains(communityPath);
    }

    void checkReview(Actor actor, String communityPath) {
        if (!actor.scopeFor(REVIEW).contains(communityPath)) {
            throw new ForbiddenException(REVIEW);
        }
    }

    /** Staff who see a compound's recruitments, nominations and leaders. */
    boolean seesLeaders(Actor actor, String path) {
        return actor.scopeFor(LEADER_READ).contains(path) || actor.scopeFor(LEADER_MANAGE).contains(path);
    }

    void checkScoped(Actor actor, String permission, String path) {
        if (!actor.scopeFor(permission).contains(path)) {
            throw new ForbiddenException(permission);
        }
    }
}
