package org.lianxin.resident;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /**
     * The full phone number of the resident linked to an account, for a caller that audits the reveal itself
     * (casework's return visit calls the reporter of a case). Never shown without that caller's own audit entry.
     */
    public Optional<String> phoneOfAccount(long accountId) {
        return residents.findByAccountId(accountId).stream().findFirst().map(Resident::phoneCipher)
                .map(cipher::open);
    }

    public Optional<ResidentRef> find(long residentId) {
        return residents.findById(residentId).flatMap(this::ref);
    }

    /** The login account linked to a resident record, if any (to tell him of a step taken on his behalf). */
    public Optional<Long> accountOf(long residentId) {
        return residents.findById(residentId).map(Resident::accountId);
    }

    /**
     * The residents whose ID number has these blind indexes (made by the shared {@link PersonalDataCipher}, so a
     * member and a resident with the same number have the same index): how another module recognises that its
     * person is also a resident, without either side opening the number.
     */
    public Map<String, ResidentRef> byIdNumberIndex(Collection<String> blindIndexes) {
        if (blindIndexes.isEmpty()) {
            return Map.of();
        }
        var found = residents.findByIdNumberIndexIn(blindIndexes);
        var homes = households.findAllById(found.stream().map(Resident::householdId).toList()).stream()
                .collect(Collectors.toMap(Household::id, Function.identity()));
        return found.stream().filter(r -> homes.containsKey(r.householdId())).collect(Collectors.toMap(
                Resident::idNumberIndex, r -> ref(r, homes.get(r.householdId()))));
    }

    private Optional<ResidentRef> ref(Resident resident) {
        return households.findById(resident.householdId()).map(h -> ref(resident, h));
    }

    private ResidentRef ref(Resident resident, Household h) {
        return new ResidentRef(resident.id(), resident.name(), h.id(), h.doorNumber(), h.buildingId(), h.areaPath(),
                resident.phoneCipher() == null ? null : PhoneNumber.mask(cipher.open(resident.phoneCipher())));
    }
}
