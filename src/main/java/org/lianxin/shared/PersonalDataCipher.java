package org.lianxin.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals personal data (phone and ID numbers) for storage: AES-256-GCM with a random nonce, plus an
 * HMAC-SHA256 blind index for exact lookup and uniqueness without decrypting. The master key comes
 * from {@code lianxin.crypto.key}; the embedded default makes one under ./data on first start.
 */
@Component
public class PersonalDataCipher {

    /** What is stored: the ciphertext (base64) and the blind index (hex). */
    public record Sealed(String cipherText, String blindIndex) {
    }

    private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec encryptionKey;
    private final List<SecretKeySpec> previousKeys;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(@Value("${lianxin.crypto.key:}") String key,
                              @Value("${lianxin.crypto.key-file:./data/lianxin.key}") String keyFile,
                              @Value("${lianxin.crypto.generate-key-file:false}") boolean generateKeyFile,
                              @Value("${lianxin.crypto.previous-keys:}") List<String> previousKeys) {
        byte[] master = masterKey(key, Path.of(keyFile), generateKeyFile);
        this.encryptionKey = new SecretKeySpec(derive(master, "lianxin/encryption"), "AES");
        this.indexKey = new SecretKeySpec(derive(master, "lianxin/blind-index"), "HmacSHA256");
        this.previousKeys = previousKeys.stream().filter(k -> !k.isBlank())
                .map(k -> new SecretKeySpec(derive(decode(k.strip(), "lianxin.crypto.previous-keys"), "lianxin/encryption"), "AES"))
                .toList();
    }

    public Sealed seal(String plain) {
        if (plain == null) {
            return new Sealed(null, null);
        }
        String normalized = plain.strip();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(normalized.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return new Sealed(Base64.getEncoder().encodeToString(out), blindIndex(normalized));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal personal data", e);
        }
    }

    /** Opens with the current key, or during a key rotation with one of the previous keys. */
    public String open(String cipherText) {
        if (cipherText == null) {
            return null;
        }
        byte[] in = Base64.getDecoder().decode(cipherText);
        GeneralSecurityException last = null;
        for (SecretKeySpec key : keys()) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
                return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new IllegalStateException("cannot open personal data: wrong key or tampered value", last);
    }

    private List<SecretKeySpec> keys() {
        List<SecretKeySpec> keys = new ArrayList<>();
        keys.add(encryptionKey);
        keys.addAll(previousKeys);
        return keys;
    }

    /** The same input always gives the same index; the index does not reveal the input. */
    public String blindIndex(String plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] masterKey(String configured, Path keyFile, boolean generate) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), "lianxin.crypto.key");
        }
        try {
            if (Files.exists(keyFile)) {
                return decode(Files.readString(keyFile).strip(), keyFile.toString());
            }
            if (!generate) {
                throw new IllegalStateException("No encryption key: set lianxin.crypto.key (LIANXIN_CRYPTO_KEY) to the "
                        + "base64 of 32 random bytes, e.g. `openssl rand -base64 32`. See docs/operations.md.");
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Generated a new personal-data encryption key in {}; keep it with the database backups", keyFile);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the key file " + keyFile, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length < 32) {
            throw new IllegalStateException(source + " must hold at least 32 bytes (base64)");
        }
        return key;
    }
}
