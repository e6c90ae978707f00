package org.lianxin.access;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    /** One batch of the chain in order, for verification without loading it whole. */
    List<AuditEntry> findBySeqGreaterThanOrderBySeqAsc(long seq, Pageable batch);
}
