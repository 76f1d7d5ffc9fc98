package dev.frostline.identity.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts signing keys at rest (AES-256-GCM, key = SHA-256 of FROSTLINE_SIGNING_KEY_SECRET, which
 * must be a long random value). Stored form: {@code enc:v1:<base64(iv || ciphertext+tag)>}. A stored
 * key without that prefix is a plain PEM from before encryption was configured and is still read,
 * so turning encryption on needs no migration; only keys created afterwards are encrypted.
 */
public final class PrivateKeyCipher {

    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public PrivateKeyCipher(Optional<String> secret) {
        this.key = secret.filter(s -> !s.isBlank()).map(PrivateKeyCipher::derive).orElse(null);
    }

    /** The form to store: encrypted when a secret is configured, else the PEM as is. */
    public String seal(String pem) {
        if (key == null) {
            return pem;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(pem.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, stored, 0, iv.length);
            System.arraycopy(sealed, 0, stored, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JVM", e);
        }
    }

    /** The PEM of a stored key; fails loudly when it is encrypted and the secret is missing or wrong. */
    public String open(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException("a signing key is encrypted but FROSTLINE_SIGNING_KEY_SECRET is not set");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a signing key cannot be decrypted: is FROSTLINE_SIGNING_KEY_SECRET the one it was sealed with?", e);
        }
    }

    private static SecretKeySpec derive(String secret) {
        try {
            return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
