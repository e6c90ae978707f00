package org.lianxin.resident;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.lianxin.organization.Areas.AreaRef;
import org.lianxin.shared.ConflictException;
import org.lianxin.shared.IdNumber;
import org.lianxin.shared.Ids;
import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PersonalDataCipher.Sealed;
import org.springframework.stereotype.Component;

/**
 * The one place where a resident record is created: the API and the spreadsheet import both write through it. The
 * caller has checked the scope and publishes the event.
 */
@Component
class ResidentRecords {

    private final ResidentRepository residents;
    private final HouseholdRepository households;
    private final PersonalDataCipher cipher;
    private final Ids ids;
    private final Clock clock;

    ResidentRecords(ResidentRepository residents, HouseholdRepository households, PersonalDataCipher cipher, Ids ids,
                    Clock clock) {
        this.residents = residents;
        this.households = households;
        this.cipher = cipher;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new resident of the household, saved; 409 when the ID number is already in the ledger. */
    Resident create(Household household, String name, String rawIdNumber, String phone, Relation relation,
                    Set<ResidentTag> tags) {
        IdNumber idNumber = ResidentController.idNumber(rawIdNumber);
        Sealed sealedId = cipher.seal(idNumber.value());
        if (residents.existsByIdNumberIndex(sealedId.blindIndex())) {
            throw new ConflictException("duplicate-id-number", "resident.id-number.taken");
        }
        return residents.save(new Resident(ids.next("resident_seq"), household, name.strip(), idNumber, sealedId,
                phone == null || phone.isBlank() ? null : cipher.seal(phone.strip()), relation,
                tags == null || tags.isEmpty() ? EnumSet.noneOf(ResidentTag.class) : EnumSet.copyOf(tags), clock.instant()));
    }

    /** The household at this door of the building, created if there is none yet (the flag says which). */
    Household household(AreaRef building, String door, boolean[] created) {
        var existing = households.findByBuildingIdAndDoorNumber(building.id(), door);
        if (existing.isPresent()) {
            return existing.get();
        }
        created[0] = true;
        return households.saveAndFlush(new Household(ids.next("household_seq"), building, door, clock.instant()));
    }
}
