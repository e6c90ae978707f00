package org.lianxin.organization;

import java.util.List;
import java.util.Locale;

import org.lianxin.shared.PersonalDataCipher;
import org.lianxin.shared.PhoneNumber;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The six grid roles as other modules may print them (public board): name, role, masked phone; read-only. */
@Component
@Transactional(readOnly = true)
public class GridRoles {

    /** A person in one of a grid's six roles; the phone is masked, never full. */
    public record GridRoleRef(long id, String kind, String kindLabel, String personName, String maskedPhone) {
    }

    private final GridRoleRepository roles;
    private final PersonalDataCipher cipher;
    private final MessageSource messages;

    GridRoles(GridRoleRepository roles, PersonalDataCipher cipher, MessageSource messages) {
        this.roles = roles;
        this.cipher = cipher;
        this.messages = messages;
    }

    public List<GridRoleRef> inGrid(long gridId, Locale locale) {
        return roles.findByGridIdOrderByKindAscIdAsc(gridId).stream().map(r -> new GridRoleRef(r.id(), r.kind().name(),
                messages.getMessage("grid-role.kind." + r.kind().name(), null, r.kind().name(), locale), r.personName(),
                PhoneNumber.mask(cipher.open(r.phoneCipher())))).toList();
    }
}
