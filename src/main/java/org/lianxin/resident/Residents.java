package org.lianxin.resident;

import java.util.Optional;

import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PhoneNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident ledger as other modules may ask about it (the building mailbox, nominations of
 * building leaders): who a resident is and where he lives, the phone only masked. Read-only.
 */
@Component
@Transactional(readOnly = true)
public class Residents {

    /** What other modules know of a resident: his household's door and building, the phone masked. */
    public record ResidentRef(long id, String name, long householdId, String doorNumber, long buildingId,
                              String areaPath, String maskedPhone) {
    }

    private final ResidentRepository residents;
    private final HouseholdRepository households;
    private final PersonalDataCipher cipher;

    Residents(ResidentRepository residents, HouseholdRepository households, PersonalDataCipher cipher) {
        this.residents = residents;
        this.households = households;
        this.cipher = cipher;
    }

    /** The resident record linked to a login account (resident.account_id), if any. */
    public Optional<ResidentRef> ofAccount(long accountId) {
        return residents.findByAccountId(accountId).stream().findFirst().flatMap(this::ref);
    }

    public Optional<ResidentRef> find(long residentId) {
        return residents.findById(residentId).flatMap(this::ref);
    }

    private Optional<ResidentRef> ref(Resident resident) {
        return households.findById(resident.householdId()).map(h -> new ResidentRef(resident.id(), resident.name(),
                h.id(), h.doorNumber(), h.buildingId(), h.areaPath(),
                resident.phoneCipher() == null ? null : PhoneNumber.mask(cipher.open(resident.phoneCipher()))));
    }
}
