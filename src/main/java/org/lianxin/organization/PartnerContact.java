package org.lianxin.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.lianxin.shared.PersonalDataCipher.Sealed;

/** A contact person of a partner unit; the phone number is stored sealed. May be linked to a login. */
@Entity
@Table(name = "partner_contact")
class PartnerContact {

    @Id
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "partner_unit_id")
    private PartnerUnit unit;
    private String name;
    private String position;
    @Column(name = "phone_cipher")
    private String phoneCipher;
    @Column(name = "phone_index")
    private String phoneIndex;
    @Column(name = "account_id")
    private Long accountId;
    private String username;

    protected PartnerContact() {
    }

    PartnerContact(long id, PartnerUnit unit, String name, String position, Sealed phone, Long accountId, String username) {
        this.id = id;
        this.unit = unit;
        this.name = name;
        this.position = position;
        this.phoneCipher = phone.cipherText();
        this.phoneIndex = phone.blindIndex();
        this.accountId = accountId;
        this.username = username;
    }

    long id() {
        return id;
    }

    String name() {
        return name;
    }

    String position() {
        return position;
    }

    String phoneCipher() {
        return phoneCipher;
    }

    Long accountId() {
        return accountId;
    }

    String username() {
        return username;
    }
}
