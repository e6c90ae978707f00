package org.lianxin.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lianxin.shared.ImageFiles;

/** A photo of a case: taken at report, or attached to a later step (its index in the history). */
@Entity
@Table(name = "case_photo")
class CasePhoto {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_PER_STEP = 3;

    @Id
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "step_seq")
    private int stepSeq;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private int sizeBytes;
    private byte[] data;

    protected CasePhoto() {
    }

    CasePhoto(long id, long caseId, int stepSeq, ImageFiles.Image image) {
        this.id = id;
        this.caseId = caseId;
        this.stepSeq = stepSeq;
        this.contentType = image.contentType();
        this.sizeBytes = image.data().length;
        this.data = image.data();
    }

    Long id() { return id; }
    Long caseId() { return caseId; }
    int stepSeq() { return stepSeq; }
    String contentType() { return contentType; }
    byte[] data() { return data; }
}
